import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ claimant: 'Аризадиҳанда', respondent: 'Шахси бедарак' }),
    { kind: 'title', text: 'АРИЗА' },
    { kind: 'subtitle', text: 'дар бораи бедарак ғоибшуда эътироф кардани шаҳрванд (пешбурди алоҳида)' },
    { kind: 'p', text: 'Шавҳари ман {{respondent_name}}, ки охирин бор дар суроғаи {{respondent_address}} зиндагӣ мекард, {{departure_date}} барои кор ба хориҷа рафтааст. Охирин маълумот аз ӯ {{last_news_date}} гирифта шудааст; аз он вақт дар ҷойи истиқоматаш аз ӯ хабаре нест.' },
    { kind: 'p', text: 'Барои ёфтани ӯ ин чораҳо дида шудаанд: {{search_efforts}}' },
    { kind: 'p', text: '{{?has_children}}Мо кӯдакони ноболиғи зерин дорем:' },
    childrenTableTg,
    { kind: 'p', text: 'Бедарак ғоибшуда эътироф кардани ӯ барои {{purpose}} зарур аст. Тибқи {{ref_civil_missing}} ва {{ref_civil_special_proceedings}} шаҳрванд бо аризаи шахси манфиатдор бо тартиби пешбурди алоҳида бедарак ғоибшуда эътироф карда мешавад.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: '{{respondent_name}} бедарак ғоибшуда эътироф карда шавад.' },
    ...closingTg('Аризадиҳанда'),
  ],
  ru: [
    ...claimHeaderRu({ claimant: 'Заявитель', respondent: 'Отсутствующий' }),
    { kind: 'title', text: 'ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о признании гражданина безвестно отсутствующим (особое производство)' },
    { kind: 'p', text: 'Мой муж {{respondent_name}}, последним местом жительства которого был адрес: {{respondent_address}}, {{departure_date}} выехал на заработки за рубеж. Последние сведения о нём получены {{last_news_date}}; с тех пор сведений о нём в месте его жительства нет.' },
    { kind: 'p', text: 'Для его розыска предприняты следующие меры: {{search_efforts}}' },
    { kind: 'p', text: '{{?has_children}}У нас есть несовершеннолетние дети:' },
    childrenTableRu,
    { kind: 'p', text: 'Признание его безвестно отсутствующим необходимо для: {{purpose}}. Согласно {{ref_civil_missing}} и {{ref_civil_special_proceedings}} гражданин признаётся безвестно отсутствующим по заявлению заинтересованного лица в порядке особого производства.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Признать {{respondent_name_gen}} безвестно отсутствующим.' },
    ...closingRu('Заявитель'),
  ],
};
