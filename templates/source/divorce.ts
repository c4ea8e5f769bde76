import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ whereabouts: true }),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: 'дар бораи бекор кардани ақди никоҳ' },
    { kind: 'p', text: 'Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда мебошам (шаҳодатномаи ақди никоҳ: {{marriage_cert}}). Аз {{separated_since}} мо алоҳида зиндагӣ мекунем ва хоҷагии муштарак намебарем.' },
    { kind: 'p', text: '{{?has_children}}Мо кӯдакони ноболиғи зерин дорем, ки бо ман зиндагӣ мекунанд:' },
    childrenTableTg,
    { kind: 'p', text: 'Сабабҳои вайрон шудани оила: {{reason}} Давом додани зиндагии якҷоя ва нигоҳ доштани оила ғайриимкон аст.' },
    { kind: 'p', text: 'Асоси ҳуқуқӣ: {{ref_family_divorce_court}}. Боҷи давлатӣ тибқи {{ref_law_state_fee}}: {{ref_fee_divorce}}.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: 'Ақди никоҳи байни ман ва {{respondent_name}} бекор карда шавад.' },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu({ whereabouts: true }),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о расторжении брака' },
    { kind: 'p', text: 'Ответчик {{respondent_name}} и я состоим в зарегистрированном браке (свидетельство о браке: {{marriage_cert}}). С {{separated_since}} мы проживаем раздельно и общего хозяйства не ведём.' },
    { kind: 'p', text: '{{?has_children}}У нас есть несовершеннолетние дети, которые проживают со мной:' },
    childrenTableRu,
    { kind: 'p', text: 'Причины распада семьи: {{reason}} Дальнейшая совместная жизнь и сохранение семьи невозможны.' },
    { kind: 'p', text: 'Правовое основание: {{ref_family_divorce_court}}. Государственная пошлина согласно {{ref_law_state_fee}}: {{ref_fee_divorce}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Расторгнуть брак, заключённый между истцом и ответчиком (свидетельство о браке: {{marriage_cert}}).' },
    ...closingRu(),
  ],
};
