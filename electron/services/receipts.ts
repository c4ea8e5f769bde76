import { formatAddress } from '../../shared/reference/addresses';
import { getCaseRow } from '../../db/queries/cases';
import { getClientRow } from '../../db/queries/clients';
import { getContactPoint } from '../../db/queries/contactPoints';
import { getSessionRow } from '../../db/queries/mobileSessions';
import { audit } from '../../db/queries/writeContext';
import { receiptDefinition, receiptFileName, renderPdf } from '../documents/consultationReceipt';
import type { ReceiptLanguage } from '../documents/receiptTexts';
import type { HeldFile } from '../app/fileTokens';
import { getConsultation } from './consultationViews';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient } from './visibility';

// The receipt a lawyer hands the client after a consultation: printed, and the printing audited.

export async function consultationReceipt(s: Unlocked, consultationId: string, language: ReceiptLanguage): Promise<HeldFile> {
  const consultation = await getConsultation(s.db, consultationId);
  await requireVisibleClient(s, consultation.clientId);
  if (consultation.caseId) await requireVisibleCase(s, consultation.caseId);
  const client = await getClientRow(s.db, consultation.clientId);
  const sensitive = client.sensitive !== null || (consultation.caseId !== null && (await getCaseRow(s.db, consultation.caseId)).sensitive !== null);
  let venueName: string;
  if (consultation.mobileSessionId) {
    const session = await getSessionRow(s.db, consultation.mobileSessionId);
    venueName = [session.code, formatAddress({ village: session.village, jamoat: session.jamoat, districtId: session.district_id }, language, 'document')].filter(Boolean).join(', ');
  } else venueName = (await getContactPoint(s.db, consultation.contactPointId)).name;
  const pdf = await renderPdf(
    receiptDefinition({ consultation, client: { surname: client.surname, givenName: client.given_name, patronymic: client.patronymic, birthDate: client.birth_date }, venueName, sensitive }, language),
  );
  await withWrite(s, (ctx) => audit(ctx, 'print', 'consultations', consultationId, { document: 'consultation_receipt', language, bytes: pdf.length }));
  return { fileName: receiptFileName(consultation, language), mimeType: 'application/pdf', bytes: pdf };
}
