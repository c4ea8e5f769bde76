import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate } from '../../shared/domain/dates';
import { enumsRu } from '../../shared/i18n/parts/enumsRu';
import { enumsTg } from '../../shared/i18n/parts/enumsTg';
import type { ConsentMethod } from '../../shared/domain/enums';
import type { ReceiptLanguage } from './receiptTexts';

// The consent-to-processing form the client signs at intake, printed from her record in Tajik or
// Russian (pdfmake, the receipt's fonts and printer). It names what is kept, why, how it is protected
// and that she may withdraw it and have her data erased — what the app actually does.

export interface ConsentData {
  client: { surname: string; givenName: string; patronymic: string; birthDate: string | null; idDocType: string; idDocNumber: string; address: string };
  consentOn: string | null;
  consentMethod: ConsentMethod | null;
  /** The contact point that keeps the data; null: the installation has none set. */
  office: string | null;
  /** The lawyer who prints it and receives the signature. */
  lawyer: string;
  /** The day it is printed (ISO). */
  printedOn: string;
}

interface ConsentTexts {
  title: string;
  client: string;
  birthDate: string;
  idDocument: string;
  address: string;
  office: string;
  statement: (name: string) => string;
  purposes: string;
  protection: string;
  withdrawal: string;
  consentOn: string;
  method: string;
  date: string;
  lawyer: string;
  signature: string;
  clientSignature: string;
}

const TEXTS: Record<ReceiptLanguage, ConsentTexts> = {
  tg: {
    title: 'Розигӣ ба коркарди маълумоти шахсӣ',
    client: 'Мизоҷ',
    birthDate: 'Санаи таваллуд',
    idDocument: 'Ҳуҷҷати тасдиқкунандаи шахсият',
    address: 'Суроға',
    office: 'Нуқтаи ёрии ройгони ҳуқуқӣ',
    statement: (name) => `Ман, ${name}, ба нуқтаи ёрии ройгони ҳуқуқии дар боло зикршуда барои коркарди маълумоти шахсии худ бо мақсади расонидани ёрии ройгони ҳуқуқӣ ба ман розигӣ медиҳам.`,
    purposes:
      'Маълумоте, ки коркард мешавад: насаб, ном, номи падар, санаи таваллуд, ҳуҷҷати тасдиқкунандаи шахсият, суроға, телефон, маълумот дар бораи оила ва фарзандон, маълумот дар бораи муроҷиатҳо ва парвандаҳои ман, нусхаҳои ҳуҷҷатҳое, ки пешниҳод кардаам.',
    protection:
      'Маълумот дар шакли рамзгузоришуда нигоҳ дошта мешавад ва бе розигии ман ба шахсони сеюм дода намешавад, ба истиснои ҳолатҳои пешбининамудаи қонун. Дар ҳисоботҳо танҳо маълумоти беном истифода мешавад.',
    withdrawal: 'Ман метавонам ҳар вақт розигии худро бозпас гирам ва нест кардани маълумоти шахсии худро талаб намоям.',
    consentOn: 'Санаи розигӣ',
    method: 'Тарзи розигӣ',
    date: 'Санаи чоп',
    lawyer: 'Ҳуқуқшинос',
    signature: 'Имзои ҳуқуқшинос',
    clientSignature: 'Имзои мизоҷ',
  },
  ru: {
    title: 'Согласие на обработку персональных данных',
    client: 'Клиент',
    birthDate: 'Дата рождения',
    idDocument: 'Документ, удостоверяющий личность',
    address: 'Адрес',
    office: 'Пункт бесплатной юридической помощи',
    statement: (name) => `Я, ${name}, даю согласие указанному выше пункту бесплатной юридической помощи на обработку моих персональных данных в целях оказания мне бесплатной юридической помощи.`,
    purposes:
      'Обрабатываются: фамилия, имя, отчество, дата рождения, документ, удостоверяющий личность, адрес, телефон, сведения о семье и детях, сведения о моих обращениях и делах, копии представленных мной документов.',
    protection:
      'Данные хранятся в зашифрованном виде и не передаются третьим лицам без моего согласия, кроме случаев, предусмотренных законом. В отчётах используются только обезличенные сведения.',
    withdrawal: 'Я могу в любое время отозвать согласие и потребовать удаления моих персональных данных.',
    consentOn: 'Дата согласия',
    method: 'Форма согласия',
    date: 'Дата печати',
    lawyer: 'Юрист',
    signature: 'Подпись юриста',
    clientSignature: 'Подпись клиента',
  },
};

const ENUMS = { tg: enumsTg, ru: enumsRu } as const;

export function consentDefinition(data: ConsentData, language: ReceiptLanguage): TDocumentDefinitions {
  const t = TEXTS[language];
  const c = data.client;
  const name = [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
  const row = (label: string, value: string): Content[] => [{ text: label, bold: true }, { text: value }];
  const rows: Content[][] = [...(data.office ? [row(t.office, data.office)] : []), row(t.client, name)];
  if (c.birthDate) rows.push(row(t.birthDate, formatDate(c.birthDate)));
  const idDoc = [c.idDocType, c.idDocNumber].filter(Boolean).join(' ');
  if (idDoc) rows.push(row(t.idDocument, idDoc));
  if (c.address) rows.push(row(t.address, c.address));
  if (data.consentOn) rows.push(row(t.consentOn, formatDate(data.consentOn)));
  if (data.consentMethod) rows.push(row(t.method, ENUMS[language].consentMethod[data.consentMethod]));
  rows.push(row(t.date, formatDate(data.printedOn)), row(t.lawyer, data.lawyer));
  const content: Content[] = [
    { text: t.title, style: 'title' },
    { table: { widths: [170, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 12, 0, 12] },
    { text: t.statement(name), margin: [0, 0, 0, 8] },
    { text: t.purposes, margin: [0, 0, 0, 8] },
    { text: t.protection, margin: [0, 0, 0, 8] },
    { text: t.withdrawal, margin: [0, 0, 0, 28] },
    { columns: [{ text: `${t.signature}: ____________________` }, { text: `${t.clientSignature}: ____________________` }] },
  ];
  return {
    info: { title: t.title },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans', fontSize: 10 },
    styles: { title: { fontSize: 14, bold: true, alignment: 'center' } },
    content,
  };
}

/** A file name without personal data: the day and the client's short id. */
export function consentFileName(clientId: string, printedOn: string, language: ReceiptLanguage): string {
  return `consent-${printedOn}-${clientId.slice(-8)}-${language}.pdf`;
}
