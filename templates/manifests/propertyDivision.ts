import * as c from './common';
import type { TemplateManifest } from './types';

export const propertyDivision: TemplateManifest = {
  id: 'property-division',
  version: '1.2.0',
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
    ...c.parties({ whereabouts: false }),
    c.marriageCert,
    {
      name: 'total',
      label: { tg: 'Арзиши умумии молу мулк', ru: 'Общая стоимость имущества', en: 'Total value of the property' },
      source: 'property.total',
      required: true,
      format: 'money',
    },
    {
      name: 'claimed_share',
      label: { tg: 'Ҳиссаи талабшаванда', ru: 'Запрашиваемая доля', en: 'Share claimed' },
      source: 'ask',
      required: true,
      format: 'choice',
      choices: ['1/2', '2/3', '3/4', '1/1'].map((v) => ({ value: v, label: { tg: v, ru: v, en: v } })),
      hint: {
        tg: 'Ҳиссаҳои ҳамсарон баробаранд (1/2), агар суд бо назардошти манфиатҳои кӯдакон аз ин дур нашавад. Нархи даъво аз ин ҳисса ҳисоб карда мешавад.',
        ru: 'Доли супругов равны (1/2), если суд не отступит от этого в интересах детей. Цена иска считается из этой доли.',
        en: "The spouses' shares are equal (1/2) unless the court departs from that in the children's interest. The claim's value is worked out from this share.",
      },
    },
    {
      name: 'requested_share',
      label: { tg: 'Ашёе, ки даъвогар ба моликияти худ мехоҳад', ru: 'Вещи, которые истец просит передать ему в собственность', en: 'Items the claimant asks to be given' },
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
  passages: [...c.marriagePassages, ...c.headerPassages({ whereabouts: false })],
  attachments: [
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { proof: 'marriage_certificate', text: { tg: 'Нусхаи шаҳодатномаи ақди никоҳ', ru: 'Копия свидетельства о браке' }, when: c.MARRIAGE_REGISTERED },
    { text: { tg: 'Ҳуҷҷатҳо дар бораи молу мулк ва арзиши он', ru: 'Документы об имуществе и его стоимости' } },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_art10', 'family_property_division', 'fee_property_division', 'law_state_fee'],
};
