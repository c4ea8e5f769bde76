import { childrenTableRu, childrenTableTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    { kind: 'right', text: 'Ба {{registry}}' },
    { kind: 'right', text: 'Аризадиҳанда (модар): {{client_name}}' },
    { kind: 'right', text: '{{?has_client_birth_date}}санаи таваллуд: {{client_birth_date}}' },
    { kind: 'right', text: 'шиноснома: {{client_id_doc}}' },
    { kind: 'right', text: 'суроға: {{client_address}}' },
    { kind: 'right', text: '{{?has_client_phone}}телефон: {{client_phone}}' },
    { kind: 'title', text: 'АРИЗА' },
    { kind: 'subtitle', text: 'дар бораи қайди давлатии таваллуди {{children_word}}' },
    { kind: 'p', text: 'Хоҳиш менамоям, ки таваллуди {{my_children_gen}} ба қайди давлатӣ гирифта шавад:' },
    childrenTableTg,
    { kind: 'p', text: 'Ҳуҷҷати тасдиқкунандаи таваллуд: {{birth_document}}. Ному насаби {{children_word}} тибқи {{ref_registry_naming}} интихоб шудааст.' },
    { kind: 'p', text: '{{?father_mother_only}}Маълумот дар бораи падар бо аризаи ман тибқи {{ref_registry_father_entry}} сабт карда шавад.' },
    { kind: 'p', text: '{{?father_joint}}Падари {{children_word}} {{respondent_name}} мебошад; маълумот дар бораи падар аз рӯи аризаи муштараки мо сабт карда шавад ({{ref_registry_father_entry}}).' },
    { kind: 'p', text: '{{?father_court}}Падарии {{respondent_name}} нисбат ба {{children_word}} бо қарори суд муқаррар шудааст ({{court_decision}}); маълумот дар бораи падар тибқи {{ref_family_art50}} дар асоси ҳамин қарор сабт карда шавад.' },
    ...closingTg('Аризадиҳанда'),
  ],
  ru: [
    { kind: 'right', text: 'В {{registry}}' },
    { kind: 'right', text: 'Заявитель (мать): {{client_name}}' },
    { kind: 'right', text: '{{?has_client_birth_date}}дата рождения: {{client_birth_date}}' },
    { kind: 'right', text: 'паспорт: {{client_id_doc}}' },
    { kind: 'right', text: 'адрес: {{client_address}}' },
    { kind: 'right', text: '{{?has_client_phone}}телефон: {{client_phone}}' },
    { kind: 'title', text: 'ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о государственной регистрации рождения {{children_word_gen}}' },
    { kind: 'p', text: 'Прошу произвести государственную регистрацию рождения {{my_children_gen}}:' },
    childrenTableRu,
    { kind: 'p', text: 'Документ, подтверждающий рождение: {{birth_document}}. Фамилия {{children_word_gen}} выбрана согласно {{ref_registry_naming}}.' },
    { kind: 'p', text: '{{?father_mother_only}}Сведения об отце прошу внести по моему заявлению согласно {{ref_registry_father_entry}}.' },
    { kind: 'p', text: '{{?father_joint}}Отцом {{children_word_gen}} является {{respondent_name}}; сведения об отце прошу внести на основании нашего совместного заявления согласно {{ref_registry_father_entry}}.' },
    { kind: 'p', text: '{{?father_court}}Отцом {{children_word_gen}} является {{respondent_name}}; его отцовство установлено решением суда ({{court_decision}}). Сведения об отце прошу внести на основании этого решения согласно {{ref_family_art50}}.' },
    ...closingRu('Заявитель'),
  ],
};
