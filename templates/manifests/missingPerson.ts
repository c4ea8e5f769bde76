import * as c from './common';
import type { TemplateManifest } from './types';

export const missingPerson: TemplateManifest = {
  id: 'missing-person',
  version: '1.2.0',
  languages: ['tg', 'ru'],
  caseTypes: ['missing_person'],
  title: {
    tg: 'Ариза дар бораи бедарак ғоибшуда эътироф кардани шаҳрванд',
    ru: 'Заявление о признании гражданина безвестно отсутствующим',
    en: 'Application to declare a citizen missing',
  },
  body: 'court',
  proceeding: 'special',
  fields: [
    ...c.relabel(c.parties({ whereabouts: false }), {
      respondent_name: { tg: 'Ному насаби шахси бедарак', ru: 'ФИО отсутствующего', en: "The missing person's full name" },
      respondent_address: { tg: 'Суроғаи охирини шахси бедарак', ru: 'Последний адрес отсутствующего', en: "The missing person's last address" },
    }),
    {
      name: 'departure_date',
      label: { tg: 'Санаи рафтан ба хориҷа', ru: 'Дата выезда за рубеж', en: 'Date he left the country' },
      source: 'household.departureDate',
      required: false,
      format: 'date',
    },
    {
      name: 'last_news_date',
      label: { tg: 'Санаи охирин хабар', ru: 'Дата последних сведений', en: 'Date of the last news' },
      source: 'household.lastContactDate',
      required: true,
      format: 'date',
    },
    {
      name: 'search_efforts',
      label: {
        tg: 'Ҷустуҷӯ (милиса, хадамоти муҳоҷират, консулгарӣ, хешовандон)',
        ru: 'Розыск (милиция, миграционная служба, консульство, родственники)',
        en: 'Search efforts (police, migration service, consulate, relatives)',
      },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'purpose',
      label: {
        tg: 'Мақсад (нафақа аз давлат, васоят, амвол)',
        ru: 'Цель (пенсия по потере кормильца, опека, имущество)',
        en: 'Purpose (state benefit, guardianship, property)',
      },
      source: 'ask',
      required: true,
      format: 'text',
    },
    c.filingDate,
  ],
  lists: [{ ...c.childrenList, required: false }, c.attachmentsList],
  passages: [
    ...c.headerPassages({ whereabouts: false }),
    c.present('departure_date'),
    { name: 'has_children', label: { tg: 'Кӯдакон доранд', ru: 'Есть дети', en: 'Has children' }, when: { fact: 'hasChildren', in: ['yes'] } },
  ],
  attachments: [
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи аризадиҳанда', ru: 'Копия паспорта заявителя' } },
    { proof: 'marriage_certificate', text: { tg: 'Нусхаи шаҳодатномаи ақди никоҳ ё дигар ҳуҷҷати хешутаборӣ', ru: 'Копия свидетельства о браке или иного документа о родстве' } },
    { text: { tg: 'Маълумотномаҳо оид ба ҷустуҷӯ', ru: 'Справки о розыске' } },
    { text: { tg: 'Маълумотнома аз ҷойи истиқомат', ru: 'Справка с места жительства' } },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
  ],
  legalRefs: ['civil_missing', 'civil_special_proceedings', 'fee_special_proceedings', 'law_state_fee'],
};
