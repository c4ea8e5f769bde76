// The few fixed words of the consultation receipt / referral note, in the two languages it is handed
// over in (the state language of the courts, and Russian). Vocabulary labels (issues, referrals…) come
// from the i18n catalogs.

export type ReceiptLanguage = 'tg' | 'ru';

export interface ReceiptTexts {
  title: string;
  subtitle: string;
  number: string;
  date: string;
  client: string;
  birthDate: string;
  venue: string;
  contactPoint: string;
  mobileSession: string;
  district: string;
  lawyer: string;
  kind: string;
  issues: string;
  advice: string;
  referrals: string;
  followUp: string;
  freeOfCharge: string;
  signature: string;
  clientSignature: string;
}

export const RECEIPT_TEXTS: Record<ReceiptLanguage, ReceiptTexts> = {
  tg: {
    title: 'Маълумотнома дар бораи машварати ҳуқуқӣ',
    subtitle: 'Ёрии ройгони ҳуқуқӣ',
    number: 'Рақам',
    date: 'Сана',
    client: 'Муроҷиаткунанда',
    birthDate: 'Санаи таваллуд',
    venue: 'Ҷои машварат',
    contactPoint: 'Нуқтаи ёрии ройгони ҳуқуқӣ',
    mobileSession: 'Маҷлиси сайёр',
    district: 'Ноҳия / шаҳр',
    lawyer: 'Ҳуқуқшинос',
    kind: 'Намуди машварат',
    issues: 'Масъалаҳо',
    advice: 'Маслиҳати додашуда',
    referrals: 'Самтдиҳӣ ба',
    followUp: 'Санаи муроҷиати такрорӣ',
    freeOfCharge: 'Ёрии ҳуқуқӣ ройгон расонида шуд.',
    signature: 'Имзои ҳуқуқшинос',
    clientSignature: 'Имзои муроҷиаткунанда',
  },
  ru: {
    title: 'Справка о юридической консультации',
    subtitle: 'Бесплатная юридическая помощь',
    number: 'Номер',
    date: 'Дата',
    client: 'Заявитель',
    birthDate: 'Дата рождения',
    venue: 'Место консультации',
    contactPoint: 'Пункт бесплатной юридической помощи',
    mobileSession: 'Выездная сессия',
    district: 'Район / город',
    lawyer: 'Юрист',
    kind: 'Вид консультации',
    issues: 'Вопросы',
    advice: 'Данная консультация',
    referrals: 'Направлена в',
    followUp: 'Дата повторного обращения',
    freeOfCharge: 'Юридическая помощь оказана бесплатно.',
    signature: 'Подпись юриста',
    clientSignature: 'Подпись заявителя',
  },
};
