import * as c from './common';
import type { TemplateManifest } from './types';

const FATHER = (value: string) => ({ fact: 'father_entry', in: [value] });

export const birthRegistration: TemplateManifest = {
  id: 'birth-registration',
  version: '1.2.0',
  languages: ['tg', 'ru'],
  caseTypes: ['birth_registration'],
  title: {
    tg: 'Ариза ба САҲШ дар бораи қайди давлатии таваллуди кӯдак',
    ru: 'Заявление в ЗАГС о государственной регистрации рождения ребёнка',
    en: "Application to the civil registry to register a child's birth",
  },
  body: 'civil_registry',
  proceeding: 'administrative',
  fields: [
    {
      name: 'registry',
      label: { tg: 'Мақоми САҲШ', ru: 'Орган ЗАГС', en: 'Civil registry office' },
      source: 'registry.name',
      required: true,
      format: 'text',
    },
    {
      name: 'registry_address',
      label: { tg: 'Суроғаи САҲШ', ru: 'Адрес органа ЗАГС', en: "The civil registry's address" },
      source: 'registry.address',
      required: false,
      format: 'text',
    },
    c.clientName,
    c.clientBirthDate,
    c.clientAddress,
    c.clientPhone,
    { ...c.clientIdDoc, label: { tg: 'Шиносномаи модар', ru: 'Паспорт матери', en: "Mother's identity document" }, required: true },
    {
      name: 'birth_document',
      label: {
        tg: 'Ҳуҷҷати таваллуд (маълумотномаи муассисаи тиббӣ: рақам, сана)',
        ru: 'Документ о рождении (справка медучреждения: номер, дата)',
        en: 'Birth document (medical certificate: number, date)',
      },
      source: 'ask',
      required: true,
      format: 'text',
    },
    {
      name: 'father_entry',
      label: { tg: 'Маълумот дар бораи падар', ru: 'Сведения об отце', en: "The father's entry" },
      source: 'ask',
      required: true,
      format: 'choice',
      choices: [
        { value: 'mother_only', label: { tg: 'Танҳо аз рӯи маълумоти модар', ru: 'Только со слов матери', en: "Mother's data only" } },
        { value: 'joint', label: { tg: 'Аризаи муштараки падару модар', ru: 'Совместное заявление родителей', en: 'Joint application of the parents' } },
        { value: 'court', label: { tg: 'Қарори суд', ru: 'Решение суда', en: 'Court decision' } },
      ],
    },
    { ...c.respondentName, label: { tg: 'Ному насаби падар', ru: 'ФИО отца', en: "The father's full name" }, required: { fact: 'father_entry', in: ['joint', 'court'] } },
    {
      name: 'court_decision',
      label: { tg: 'Қарори суд (суд, сана, рақам)', ru: 'Решение суда (суд, дата, номер)', en: 'Court decision (court, date, number)' },
      source: 'ask',
      required: FATHER('court'),
      format: 'text',
    },
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: [
    c.present('registry_address'),
    c.present('client_birth_date'),
    c.present('client_phone'),
    { name: 'father_mother_only', label: { tg: 'Бе падар', ru: 'Без сведений об отце', en: 'No father entry' }, when: FATHER('mother_only') },
    { name: 'father_joint', label: { tg: 'Аризаи муштарак', ru: 'Совместное заявление', en: 'Joint application' }, when: FATHER('joint') },
    { name: 'father_court', label: { tg: 'Бо қарори суд', ru: 'По решению суда', en: 'By court decision' }, when: FATHER('court') },
  ],
  attachments: [
    { text: { tg: 'Маълумотномаи муассисаи тиббӣ дар бораи таваллуд', ru: 'Справка медицинского учреждения о рождении' } },
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи модар', ru: 'Копия паспорта матери' } },
    { proof: 'court_decision', text: { tg: 'Нусхаи қарори суд дар бораи муқаррар намудани падарӣ', ru: 'Копия решения суда об установлении отцовства' }, when: FATHER('court') },
  ],
  legalRefs: ['family_art50', 'registry_father_entry', 'registry_naming', 'fee_birth_registration', 'law_state_fee'],
};
