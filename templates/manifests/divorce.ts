import * as c from './common';
import type { TemplateManifest } from './types';

export const divorce: TemplateManifest = {
  id: 'divorce',
  version: '1.0.0',
  languages: ['tg', 'ru'],
  caseTypes: ['divorce'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи бекор кардани ақди никоҳ',
    ru: 'Исковое заявление о расторжении брака',
    en: 'Claim for dissolution of marriage',
  },
  body: 'court',
  proceeding: 'claim',
  fields: [
    c.court,
    c.clientName,
    c.clientAddress,
    c.clientPhone,
    c.respondentName,
    c.respondentAddress,
    c.respondentWhereabouts,
    { ...c.marriageCert, required: true },
    {
      name: 'separated_since',
      label: { tg: 'Аз кадом сана алоҳида зиндагӣ мекунед', ru: 'С какой даты живёте раздельно', en: 'Living apart since' },
      source: 'ask',
      required: true,
      format: 'date',
    },
    {
      name: 'reason',
      label: { tg: 'Сабаби вайрон шудани оила', ru: 'Причины распада семьи', en: 'Why the marriage broke down' },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    c.filingDate,
  ],
  lists: [{ ...c.childrenList, required: false }, c.attachmentsList],
  passages: [
    { name: 'has_children', label: { tg: 'Кӯдакон доранд', ru: 'Есть дети', en: 'Has children' }, when: { fact: 'hasChildren', in: ['yes'] } },
  ],
  attachments: [
    { text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { text: { tg: 'Шаҳодатномаи аслии ақди никоҳ', ru: 'Подлинник свидетельства о браке' } },
    { text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' }, when: { fact: 'hasChildren', in: ['yes'] } },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_divorce_court', 'fee_divorce', 'law_state_fee'],
};
