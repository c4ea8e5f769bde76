import * as c from './common';
import type { TemplateManifest } from './types';

export const paternityFact: TemplateManifest = {
  id: 'paternity-fact',
  version: '1.2.0',
  languages: ['tg', 'ru'],
  caseTypes: ['paternity_fact'],
  title: {
    tg: 'Ариза дар бораи муқаррар намудани далели эътирофи падарӣ',
    ru: 'Заявление об установлении факта признания отцовства',
    en: 'Application to establish the fact of acknowledgment of paternity',
  },
  body: 'court',
  proceeding: 'special',
  fields: [
    ...c.relabel(c.parties({ whereabouts: false }), {
      respondent_name: { tg: 'Ному насаби марҳум', ru: 'ФИО умершего', en: "The deceased's full name" },
      respondent_address: { tg: 'Суроғаи охирини марҳум', ru: 'Последний адрес умершего', en: "The deceased's last address" },
    }),
    {
      name: 'death_date',
      label: { tg: 'Санаи вафот', ru: 'Дата смерти', en: 'Date of death' },
      source: 'ask',
      required: true,
      format: 'date',
    },
    {
      name: 'acknowledgment',
      label: {
        tg: 'Чӣ тавр марҳум кӯдакро эътироф мекард',
        ru: 'Как умерший признавал ребёнка своим',
        en: 'How the deceased acknowledged the child',
      },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'interested_persons',
      label: { tg: 'Шахсони манфиатдор', ru: 'Заинтересованные лица', en: 'Interested persons' },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'purpose',
      label: { tg: 'Мақсади муқаррар намудани далел', ru: 'Цель установления факта', en: 'Purpose of establishing the fact' },
      source: 'ask',
      required: true,
      format: 'text',
    },
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: c.headerPassages({ whereabouts: false }),
  attachments: [
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи аризадиҳанда', ru: 'Копия паспорта заявителя' } },
    { text: { tg: 'Нусхаи шаҳодатномаи фавт', ru: 'Копия свидетельства о смерти' } },
    { proof: 'birth_certificate', text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' }, one: { tg: 'Нусхаи шаҳодатномаи таваллуди кӯдак', ru: 'Копия свидетельства о рождении ребёнка' } },
    { text: { tg: 'Далелҳои эътирофи падарӣ', ru: 'Доказательства признания отцовства' } },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
  ],
  legalRefs: ['family_art51', 'family_art54', 'civil_special_proceedings', 'fee_special_proceedings', 'law_state_fee'],
};
