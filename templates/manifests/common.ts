import type { Attachment, Condition, Label, ListBlock, ManifestField, Passage } from './types';

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
  { proof: 'passport', text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
  { proof: 'birth_certificate', text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' }, one: { tg: 'Нусхаи шаҳодатномаи таваллуди кӯдак', ru: 'Копия свидетельства о рождении ребёнка' } },
  { proof: 'marriage_certificate', text: { tg: 'Нусхаи шаҳодатномаи ақди никоҳ', ru: 'Копия свидетельства о браке' }, when: MARRIAGE_REGISTERED },
  { text: { tg: 'Нусхаи ҳуҷҷати муқаррар намудани падарӣ', ru: 'Копия документа об установлении отцовства' }, when: MARRIAGE_NOT_REGISTERED },
  { text: { tg: 'Маълумотнома аз ҷойи истиқомат', ru: 'Справка с места жительства' } },
  { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
];

export const courtAddress: ManifestField = {
  name: 'court_address',
  label: { tg: 'Суроғаи суд', ru: 'Адрес суда', en: "The court's address" },
  source: 'court.address',
  required: false,
  format: 'text',
};

export const clientIdDoc: ManifestField = {
  name: 'client_id_doc',
  label: { tg: 'Ҳуҷҷати тасдиқкунандаи шахсияти муштарӣ', ru: 'Документ, удостоверяющий личность клиента', en: "Client's identity document" },
  source: 'client.idDoc',
  required: false,
  format: 'text',
};

export const respondentBirthDate: ManifestField = {
  name: 'respondent_birth_date',
  label: { tg: 'Санаи таваллуди ҷавобгар', ru: 'Дата рождения ответчика', en: "Respondent's date of birth" },
  source: 'respondent.birthDate',
  required: false,
  format: 'date',
};

export const respondentIdDoc: ManifestField = {
  name: 'respondent_id_doc',
  label: {
    tg: 'Ҳуҷҷати тасдиқкунандаи шахсияти ҷавобгар (агар маълум бошад)',
    ru: 'Документ, удостоверяющий личность ответчика (если известен)',
    en: "Respondent's identity document (if known)",
  },
  source: 'ask',
  required: false,
  format: 'text',
};

/** The court and the parties, as the header of a court filing lists them (templates/source/common.ts). */
export function parties(opts: { whereabouts: boolean }): ManifestField[] {
  return [
    court,
    courtAddress,
    clientName,
    clientBirthDate,
    clientIdDoc,
    clientAddress,
    clientPhone,
    respondentName,
    respondentBirthDate,
    respondentIdDoc,
    respondentAddress,
    ...(opts.whereabouts ? [respondentWhereabouts] : []),
  ];
}

/** The same fields with other labels (the missing person, the deceased in place of "the respondent"). */
export function relabel(fields: ManifestField[], labels: Record<string, Label>): ManifestField[] {
  return fields.map((f) => (labels[f.name] ? { ...f, label: labels[f.name]! } : f));
}

const PRESENT_LABELS: Record<string, Label> = {
  court_address: { tg: 'Суроғаи суд', ru: 'Адрес суда', en: "The court's address" },
  registry_address: { tg: 'Суроғаи САҲШ', ru: 'Адрес органа ЗАГС', en: "The civil registry's address" },
  client_birth_date: { tg: 'Санаи таваллуди даъвогар', ru: 'Дата рождения истца', en: "The claimant's date of birth" },
  client_id_doc: { tg: 'Ҳуҷҷати даъвогар', ru: 'Документ истца', en: "The claimant's identity document" },
  client_phone: { tg: 'Телефони даъвогар', ru: 'Телефон истца', en: "The claimant's phone" },
  respondent_birth_date: { tg: 'Санаи таваллуди ҷавобгар', ru: 'Дата рождения ответчика', en: "The respondent's date of birth" },
  respondent_id_doc: { tg: 'Ҳуҷҷати ҷавобгар', ru: 'Документ ответчика', en: "The respondent's identity document" },
  respondent_whereabouts: { tg: 'Ҷойи будубоши ҷавобгар', ru: 'Местонахождение ответчика', en: "The respondent's whereabouts" },
  departure_date: { tg: 'Санаи рафтан ба хориҷа', ru: 'Дата выезда за рубеж', en: 'Date he left the country' },
};

/** A header line kept only when its field has a value: {{?has_<field>}}. */
export function present(field: keyof typeof PRESENT_LABELS): Passage {
  return { name: `has_${field}`, label: PRESENT_LABELS[field]!, when: { fact: `present:${field}`, in: ['yes'] } };
}

/** The passages of claimHeaderTg/Ru: with the whereabouts line or without. */
export function headerPassages(opts: { whereabouts: boolean }): Passage[] {
  const fields: Array<keyof typeof PRESENT_LABELS> = ['court_address', 'client_birth_date', 'client_id_doc', 'client_phone', 'respondent_birth_date', 'respondent_id_doc'];
  if (opts.whereabouts) fields.push('respondent_whereabouts');
  return fields.map(present);
}

const BY_SEX = (sex: 'F' | 'M'): Condition => ({ fact: 'claimantSex', in: [sex] });
export const CLAIMANT_WOMAN = BY_SEX('F');
export const CLAIMANT_MAN = BY_SEX('M');

/** How child support is claimed along with another claim: a share of earnings by the number of children, or a fixed sum. */
export const supportChoices = [
  { value: 'yes', label: { tg: 'Ҳа, ҳиссаи музди меҳнат', ru: 'Да, в доле заработка', en: 'Yes, as a share of earnings' } },
  { value: 'sum', label: { tg: 'Ҳа, маблағи муайяни пулӣ', ru: 'Да, в твёрдой денежной сумме', en: 'Yes, as a fixed monthly sum' } },
  { value: 'no', label: { tg: 'Не', ru: 'Нет', en: 'No' } },
] as const;

/** The share of earnings by the number of children (alimony_share_N legal references). */
export function shareField(required: boolean | Condition): ManifestField {
  return {
    name: 'share',
    label: { tg: 'Ҳиссаи талабшаванда', ru: 'Запрашиваемая доля', en: 'Share requested' },
    source: 'alimony.share',
    required,
    format: 'text',
    hint: {
      tg: 'Аз рӯи шумораи кӯдакон: 1 — ¼, 2 — ⅓, 3 ва зиёда — ½ (моддаи 81).',
      ru: 'По числу детей: 1 — ¼, 2 — ⅓, 3 и более — ½ (ст. 81).',
      en: 'By the number of children: 1 — ¼, 2 — ⅓, 3 or more — ½ (art. 81).',
    },
  };
}

/** The fixed monthly sum (the case's monthly alimony, or asked). */
export function amountField(required: boolean | Condition): ManifestField {
  return {
    name: 'amount',
    label: { tg: 'Маблағи ҳармоҳа (сомонӣ)', ru: 'Ежемесячная сумма (сомони)', en: 'Monthly amount (somoni)' },
    source: 'case.monthlyAlimony',
    required,
    format: 'money',
  };
}
