import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ claimant: 'Аризадиҳанда', respondent: 'Марҳум', extra: ['Шахсони манфиатдор: {{interested_persons}}'] }),
    { kind: 'title', text: 'АРИЗА' },
    { kind: 'subtitle', text: 'дар бораи муқаррар намудани далели эътирофи падарӣ (пешбурди алоҳида)' },
    { kind: 'p', text: '{{respondent_name}}, ки охирин бор дар суроғаи {{respondent_address}} зиндагӣ мекард, {{death_date}} вафот кардааст. Ман бо ӯ дар ақди никоҳи қайдшуда набудам.' },
    { kind: 'p', text: 'Аз ӯ {{children_following}} {{children_born}}:' },
    childrenTableTg,
    { kind: 'p', text: 'Марҳум дар давоми ҳаёташ худро падари {{children_word}} эътироф мекард: {{acknowledgment}}' },
    {
      kind: 'p',
      text: 'Муқаррар намудани ин далел барои {{purpose}} зарур аст. Тибқи {{ref_family_art51}} ва {{ref_family_art54}} ин далел аз ҷониби суд муқаррар карда мешавад; ариза тибқи {{ref_civil_special_proceedings}} пешниҳод карда мешавад.',
    },
    { kind: 'p', text: 'Боҷи давлатӣ ба андозаи {{ref_fee_special_proceedings}} тибқи {{ref_law_state_fee}} пардохт карда шудааст.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: 'Далели эътирофи падарӣ аз ҷониби {{respondent_name}} нисбат ба {{children_these_gen}} муқаррар карда шавад.' },
    ...closingTg('Аризадиҳанда'),
  ],
  ru: [
    ...claimHeaderRu({ claimant: 'Заявитель', respondent: 'Умерший', extra: ['Заинтересованные лица: {{interested_persons}}'] }),
    { kind: 'title', text: 'ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'об установлении факта признания отцовства (особое производство)' },
    { kind: 'p', text: '{{respondent_name}}, последним местом жительства которого был адрес: {{respondent_address}}, умер {{death_date}}. В зарегистрированном браке с ним я не {{i_was}}.' },
    { kind: 'p', text: 'От него {{children_born}} {{children_following}}:' },
    childrenTableRu,
    { kind: 'p', text: 'При жизни он признавал себя отцом {{children_word_gen}}: {{acknowledgment}}' },
    {
      kind: 'p',
      text: 'Установление факта необходимо для: {{purpose}}. Согласно {{ref_family_art51}} и {{ref_family_art54}} такой факт устанавливается судом; заявление подаётся согласно {{ref_civil_special_proceedings}}.',
    },
    { kind: 'p', text: 'Государственная пошлина в размере {{ref_fee_special_proceedings}} уплачена согласно {{ref_law_state_fee}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Установить факт признания отцовства {{respondent_name_gen}} в отношении {{children_these_gen}}.' },
    ...closingRu('Заявитель'),
  ],
};
