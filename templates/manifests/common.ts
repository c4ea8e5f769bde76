import type { Attachment, Condition, ListBlock, ManifestField, Passage } from './types';

// Fields, lists and passages most filings share. Labels: Tajik, Russian, English.

export const MARRIAGE_REGISTERED: Condition = { fact: 'marriage', in: ['registered'] };
export const MARRIAGE_NOT_REGISTERED: Condition = { fact: 'marriage', in: ['not_registered'] };

export const court: ManifestField = {
  name: 'court',
  label: { tg: 'Суд', ru: 'Суд', en: 'Court' },
  source: 'court.name',
  required: true,
  format: 'text',
  hint: {
    tg: 'Аз парванда ё аз рӯйхати судҳо (маълумотномаи ҳуқуқӣ) гирифта мешавад.',
    ru: 'Берётся из дела или из справочника судов по району.',
    en: 'Taken from the case or from the list of courts by district.',
  },
};

export const clientName: ManifestField = {
  name: 'client_name',
  label: { tg: 'Ному насаби муштарӣ', ru: 'ФИО клиента', en: "Client's full name" },
  source: 'client.fullName',
  required: true,
  format: 'name',
};

export const clientAddress: ManifestField = {
  name: 'client_address',
  label: { tg: 'Суроғаи муштарӣ', ru: 'Адрес клиента', en: "Client's address" },
  source: 'client.address',
  required: true,
  format: 'text',
};

export const clientPhone: ManifestField = {
  name: 'client_phone',
  label: { tg: 'Телефони муштарӣ', ru: 'Телефон клиента', en: "Client's phone" },
  source: 'client.phone',
  required: false,
  format: 'text',
};

export const clientBirthDate: ManifestField = {
  name: 'client_birth_date',
  label: { tg: 'Санаи таваллуди муштарӣ', ru: 'Дата рождения клиента', en: "Client's date of birth" },
  source: 'client.birthDate',
  required: false,
  format: 'date',
};

export const respondentName: ManifestField = {
  name: 'respondent_name',
  label: { tg: 'Ному насаби ҷавобгар', ru: 'ФИО ответчика', en: "Respondent's full name" },
  source: 'respondent.name',
  required: true,
  format: 'name',
};

export const respondentAddress: ManifestField = {
  name: 'respondent_address',
  label: { tg: 'Суроғаи охирини маълуми ҷавобгар', ru: 'Последний известный адрес ответчика', en: "Respondent's last known address" },
  source: 'respondent.address',
  required: true,
  format: 'text',
};

export const respondentWhereabouts: ManifestField = {
  name: 'respondent_whereabouts',
  label: { tg: 'Маълумот дар бораи ҷойи будубоши ҷавобгар', ru: 'Сведения о местонахождении ответчика', en: "Respondent's whereabouts" },
  source: 'respondent.whereabouts',
  required: false,
  format: 'text',
};

export const filingDate: ManifestField = {
  name: 'filing_date',
  label: { tg: 'Санаи ариза', ru: 'Дата заявления', en: 'Date of the filing' },
  source: 'today',
  required: true,
  format: 'date',
};

export const marriageCert: ManifestField = {
  name: 'marriage_cert',
  label: {
    tg: 'Шаҳодатномаи ақди никоҳ (рақам, сана, мақоми САҲШ)',
    ru: 'Свидетельство о браке (номер, дата, орган ЗАГС)',
    en: 'Marriage certificate (number, date, registry office)',
  },
  source: 'ask',
  required: MARRIAGE_REGISTERED,
  format: 'text',
};

export const paternityBasis: ManifestField = {
  name: 'paternity_basis',
  label: {
    tg: 'Асоси муқаррар будани падарӣ (қарори суд ё аризаи муштарак)',
    ru: 'Основание установления отцовства (решение суда или совместное заявление)',
    en: 'Basis of paternity (court decision or joint application)',
  },
  source: 'ask',
  required: MARRIAGE_NOT_REGISTERED,
  format: 'text',
};

export const childrenList: ListBlock = {
  name: 'children',
  kind: 'tableRows',
  label: { tg: 'Кӯдакон', ru: 'Дети', en: 'Children' },
  required: true,
  columns: [
    { name: 'n', label: { tg: '№', ru: '№', en: 'No.' }, format: 'number' },
    { name: 'name', label: { tg: 'Ному насаб', ru: 'ФИО', en: 'Name' }, format: 'text' },
    { name: 'birth_date', label: { tg: 'Санаи таваллуд', ru: 'Дата рождения', en: 'Date of birth' }, format: 'date' },
    { name: 'certificate', label: { tg: 'Шаҳодатномаи таваллуд', ru: 'Свидетельство о рождении', en: 'Birth certificate' }, format: 'text' },
  ],
};

export const attachmentsList: ListBlock = {
  name: 'attachments',
  kind: 'paragraphs',
  label: { tg: 'Замимаҳо', ru: 'Приложения', en: 'Attachments' },
  required: false,
  columns: [],
};

export const marriagePassages: Passage[] = [
  { name: 'marriage_registered', label: { tg: 'Ақди никоҳ қайд шудааст', ru: 'Брак зарегистрирован', en: 'Registered marriage' }, when: MARRIAGE_REGISTERED },
  {
    name: 'marriage_religious',
    label: { tg: 'Танҳо никоҳи динӣ', ru: 'Только религиозный брак', en: 'Religious marriage only' },
    when: MARRIAGE_NOT_REGISTERED,
  },
];

export const basicAttachments: Attachment[] = [
  { text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
  { text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' } },
  { text: { tg: 'Нусхаи шаҳодатномаи ақди никоҳ', ru: 'Копия свидетельства о браке' }, when: MARRIAGE_REGISTERED },
  { text: { tg: 'Нусхаи ҳуҷҷати муқаррар намудани падарӣ', ru: 'Копия документа об установлении отцовства' }, when: MARRIAGE_NOT_REGISTERED },
  { text: { tg: 'Маълумотнома аз ҷойи истиқомат', ru: 'Справка с места жительства' } },
  { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
];
