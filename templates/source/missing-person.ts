import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ claimant: 'Аризадиҳанда', respondent: '{{absent_person}}' }),
    { kind: 'title', text: 'АРИЗА' },
    { kind: 'subtitle', text: 'дар бораи бедарак ғоибшуда эътироф кардани шаҳрванд (пешбурди алоҳида)' },
    { kind: 'p', text: '{{my_spouse}} {{respondent_name}} охирин бор дар суроғаи {{respondent_address}} {{respondent_lived}}.' },
    { kind: 'p', text: '{{?has_departure_date}}{{departure_date}} ӯ барои кор ба хориҷа {{respondent_left}}.' },
    { kind: 'p', text: 'Охирин маълумот {{respondent_about}} {{last_news_date}} гирифта шудааст; аз он вақт дар ҷойи истиқоматаш {{respondent_about}} хабаре нест.' },
    { kind: 'p', text: 'Барои ёфтани ӯ ин чораҳо дида шудаанд: {{search_efforts}}' },
    { kind: 'p', text: '{{?has_children}}Мо {{children_minor}}и зерин дорем:' },
    childrenTableTg,
    { kind: 'p', text: 'Бедарак ғоибшуда эътироф кардани ӯ барои {{purpose}} зарур аст.' },
    {
      kind: 'p',
      text: 'Тибқи {{ref_civil_missing}} шаҳрванд метавонад бо аризаи шахси манфиатдор аз ҷониби суд бедарак ғоибшуда эътироф карда шавад, агар дар давоми як сол дар ҷойи истиқоматаш дар бораи ҷойи будубоши ӯ маълумот набошад. Ариза тибқи {{ref_civil_special_proceedings}} пешниҳод карда мешавад.',
    },
    { kind: 'p', text: 'Боҷи давлатӣ ба андозаи {{ref_fee_special_proceedings}} тибқи {{ref_law_state_fee}} пардохт карда шудааст.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: '{{respondent_name}} бедарак ғоибшуда эътироф карда шавад.' },
    ...closingTg('Аризадиҳанда'),
  ],
  ru: [
    ...claimHeaderRu({ claimant: 'Заявитель', respondent: '{{absent_person}}' }),
    { kind: 'title', text: 'ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о признании гражданина безвестно отсутствующим (особое производство)' },
    { kind: 'p', text: '{{my_spouse}} {{respondent_name}} {{respondent_lived}} по адресу: {{respondent_address}}.' },
    { kind: 'p', text: '{{?has_departure_date}}{{departure_date}} {{respondent_he}} {{respondent_left}} на заработки за рубеж.' },
    { kind: 'p', text: 'Последние сведения {{respondent_about}} получены {{last_news_date}}; с тех пор сведений {{respondent_about}} в месте {{respondent_his}} жительства нет.' },
    { kind: 'p', text: 'Для {{respondent_his}} розыска предприняты следующие меры: {{search_efforts}}' },
    { kind: 'p', text: '{{?has_children}}У нас есть {{children_minor}}:' },
    childrenTableRu,
    { kind: 'p', text: 'Признание {{respondent_his}} {{respondent_absent}} необходимо для: {{purpose}}.' },
    {
      kind: 'p',
      text: 'Согласно {{ref_civil_missing}} гражданин может быть по заявлению заинтересованного лица признан судом безвестно отсутствующим, если в течение одного года в месте его жительства нет сведений о месте его пребывания. Заявление подаётся согласно {{ref_civil_special_proceedings}}.',
    },
    { kind: 'p', text: 'Государственная пошлина в размере {{ref_fee_special_proceedings}} уплачена согласно {{ref_law_state_fee}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Признать {{respondent_name_acc}} {{respondent_absent}}.' },
    ...closingRu('Заявитель'),
  ],
};
