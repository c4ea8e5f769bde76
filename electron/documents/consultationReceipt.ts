import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ConsultationDetail } from '../../shared/api/consultationTypes';
import { formatDate } from '../../shared/domain/dates';
import { findDistrict } from '../../shared/reference/regions';
import { enumsRu } from '../../shared/i18n/parts/enumsRu';
import { enumsTg } from '../../shared/i18n/parts/enumsTg';
import { RECEIPT_TEXTS, type ReceiptLanguage } from './receiptTexts';

// The consultation receipt / referral note a lawyer hands the client on the spot, as a PDF made with
// pdfmake's server-side printer. DejaVu Sans (shipped in templates/fonts) has the Tajik letters
// ғ ӣ қ ӯ ҳ ҷ, which the standard PDF fonts lack.

export interface ReceiptData {
  consultation: ConsultationDetail;
  client: { surname: string; givenName: string; patronymic: string; birthDate: string | null };
  venueName: string;
  /**
   * The client or the consultation's case is marked sensitive (shared/domain/sensitivity.ts): the
   * receipt leaves her issues, referrals and the advice off, since it is handed over and may be seen at home.
   */
  sensitive: boolean;
}

const ENUMS = { tg: enumsTg, ru: enumsRu } as const;

export function receiptDefinition(data: ReceiptData, language: ReceiptLanguage): TDocumentDefinitions {
  const t = RECEIPT_TEXTS[language];
  const e = ENUMS[language];
  const k = data.consultation;
  const name = [data.client.surname, data.client.givenName, data.client.patronymic].filter(Boolean).join(' ');
  const district = findDistrict(k.districtId)?.district.name[language] ?? k.districtId;
  const row = (label: string, value: string): Content[] => [{ text: label, bold: true }, { text: value }];
  const rows: Content[][] = [
    row(t.date, formatDate(k.date)),
    row(t.client, name),
    ...(data.client.birthDate ? [row(t.birthDate, formatDate(data.client.birthDate))] : []),
    row(t.venue, `${k.venueKind === 'mobile_session' ? t.mobileSession : t.contactPoint}: ${data.venueName}`),
    row(t.district, district),
    ...(k.lawyerName ? [row(t.lawyer, k.lawyerName)] : []),
    row(t.kind, e.consultationKind[k.kind]),
  ];
  if (!data.sensitive) rows.push(row(t.issues, k.issues.map((i) => e.issue[i]).join('; ')));
  if (k.referrals.length && !data.sensitive) rows.push(row(t.referrals, k.referrals.map((r) => e.referral[r.referral] + (r.note ? ` (${r.note})` : '')).join('; ')));
  if (k.followUpOn) rows.push(row(t.followUp, formatDate(k.followUpOn)));
  const content: Content[] = [
    { text: t.title, style: 'title' },
    { text: t.subtitle, style: 'subtitle' },
    { table: { widths: [150, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 10, 0, 10] },
  ];
  if (k.advice && !data.sensitive) content.push({ text: t.advice, bold: true, margin: [0, 6, 0, 2] }, { text: k.advice });
  content.push(
    { text: t.freeOfCharge, margin: [0, 14, 0, 24] },
    {
      columns: [
        { text: `${t.signature}: ____________________` },
        { text: `${t.clientSignature}: ____________________` },
      ],
    },
  );
  return {
    info: { title: t.title },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans', fontSize: 10 },
    styles: { title: { fontSize: 14, bold: true, alignment: 'center' }, subtitle: { fontSize: 10, alignment: 'center', margin: [0, 2, 0, 6] } },
    content,
  };
}

/** A file name without personal data: the date and the consultation's short id. */
export function receiptFileName(k: ConsultationDetail, language: ReceiptLanguage): string {
  return `receipt-${k.date}-${k.id.slice(-8)}-${language}.pdf`;
}
