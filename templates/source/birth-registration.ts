import { childrenTableRu, childrenTableTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    { kind: 'right', text: 'Ба {{registry}}' },
    { kind: 'right', text: 'Аризадиҳанда (модар): {{client_name}}' },
    { kind: 'right', text: 'санаи таваллуд: {{client_birth_date}}' },
    { kind: 'right', text: 'шиноснома: {{client_id_doc}}' },
    { kind: 'right', text: 'суроға: {{client_address}}' },
    { kind: 'right', text: 'телефон: {{client_phone}}' },
    { kind: 'title', text: 'АРИЗА' },
    { kind: 'subtitle', text: 'дар бораи қайди давлатии таваллуди кӯдак' },
    { kind: 'p', text: 'Хоҳиш менамоям таваллуди кӯдаки маро ба қайди давлатӣ гиред:' },
    childrenTableTg,
    { kind: 'p', text: 'Ҳуҷҷати тасдиқкунандаи таваллуд: {{birth_document}}. Ному насаби кӯдак тибқи {{ref_registry_naming}} интихоб шудааст.' },
    { kind: 'p', text: '{{?father_mother_only}}Маълумот дар бораи падар бо аризаи ман тибқи {{ref_registry_father_entry}} сабт карда шавад.' },
    { kind: 'p', text: '{{?father_joint}}Падари кӯдак {{respondent_name}} мебошад; маълумот дар бораи падар аз рӯи аризаи муштараки мо сабт карда шавад ({{ref_registry_father_entry}}).' },
    { kind: 'p', text: '{{?father_court}}Падарии {{respondent_name}} нисбат ба кӯдак бо қарори суд муқаррар шудааст ({{court_decision}}); маълумот дар бораи падар тибқи {{ref_family_art50}} дар асоси ҳамин қарор сабт карда шавад.' },
    ...closingTg('Аризадиҳанда'),
  ],
  ru: [
    { kind: 'right', text: 'В {{registry}}' },
    { kind: 'right', text: 'Заявитель (мать): {{client_name}}' },
    { kind: 'right', text: 'дата рождения: {{client_birth_date}}' },
    { kind: 'right', text: 'паспорт: {{client_id_doc}}' },
    { kind: 'right', text: 'адрес: {{client_address}}' },
    { kind: 'right', text: 'телефон: {{client_phone}}' },
    { kind: 'title', text: 'ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о государственной регистрации рождения ребёнка' },
    { kind: 'p', text: 'Прошу произвести государственную регистрацию рождения моего ребёнка:' },
    childrenTableRu,
    { kind: 'p', text: 'Документ, подтверждающий рождение: {{birth_document}}. Фамилия ребёнка выбрана согласно {{ref_registry_naming}}.' },
    { kind: 'p', text: '{{?father_mother_only}}Сведения об отце прошу внести по моему заявлению согласно {{ref_registry_father_entry}}.' },
    { kind: 'p', text: '{{?father_joint}}Отцом ребёнка является {{respondent_name}}; сведения об отце прошу внести на основании нашего совместного заявления ({{ref_registry_father_entry}}).' },
    { kind: 'p', text: '{{?father_court}}Отцом ребёнка является {{respondent_name}}; его отцовство установлено решением суда ({{court_decision}}). Сведения об отце прошу внести на основании этого решения согласно {{ref_family_art50}}.' },
    ...closingRu('Заявитель'),
  ],
};
