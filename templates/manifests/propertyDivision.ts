import * as c from './common';
import type { TemplateManifest } from './types';

export const propertyDivision: TemplateManifest = {
  id: 'property-division',
  version: '1.0.0',
  languages: ['tg', 'ru'],
  caseTypes: ['property_division'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи тақсими молу мулки муштараки ҳамсарон',
    ru: 'Исковое заявление о разделе совместно нажитого имущества супругов',
    en: "Claim to divide the spouses' common property",
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
    c.marriageCert,
    {
      name: 'total',
      label: { tg: 'Арзиши умумии молу мулк', ru: 'Общая стоимость имущества', en: 'Total value of the property' },
      source: 'property.total',
      required: true,
      format: 'money',
    },
    {
      name: 'requested_share',
      label: { tg: 'Ҳиссаи талабшаванда ва ашёе, ки даъвогар мехоҳад', ru: 'Запрашиваемая доля и вещи, которые просит истец', en: 'Share and items the claimant asks for' },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    c.filingDate,
  ],
  lists: [
    {
      name: 'property',
      kind: 'tableRows',
      label: { tg: 'Молу мулк', ru: 'Имущество', en: 'Property' },
      required: true,
      columns: [
        { name: 'n', label: { tg: '№', ru: '№', en: 'No.' }, format: 'number' },
        { name: 'item', label: { tg: 'Номгӯй', ru: 'Наименование', en: 'Item' }, format: 'text' },
        { name: 'value', label: { tg: 'Арзиш (сомонӣ)', ru: 'Стоимость (сомони)', en: 'Value (somoni)' }, format: 'money' },
        { name: 'acquired_on', label: { tg: 'Санаи харид', ru: 'Дата приобретения', en: 'Acquired on' }, format: 'date' },
      ],
    },
    c.attachmentsList,
  ],
  passages: c.marriagePassages,
  attachments: [
    { text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { text: { tg: 'Нусхаи шаҳодатномаи ақди никоҳ', ru: 'Копия свидетельства о браке' }, when: c.MARRIAGE_REGISTERED },
    { text: { tg: 'Ҳуҷҷатҳо дар бораи молу мулк ва арзиши он', ru: 'Документы об имуществе и его стоимости' } },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_art10', 'family_property_division'],
};
