import { formatAddress } from '../../shared/reference/addresses';
import { getClientRow } from '../../db/queries/clients';
import { getContactPoint } from '../../db/queries/contactPoints';
import { getSessionRow } from '../../db/queries/mobileSessions';
import { audit } from '../../db/queries/writeContext';
import { receiptDefinition, receiptFileName, renderPdf } from '../documents/consultationReceipt';
import type { ReceiptLanguage } from '../documents/receiptTexts';
import type { HeldFile } from '../app/fileTokens';
import { getConsultation } from './consultationViews';
import { withWrite, type Unlocked } from './index';

// The receipt a lawyer hands the client after a consultation: printed, and the printing audited.

export async function consultationReceipt(s: Unlocked, consultationId: string, language: ReceiptLanguage): Promise<HeldFile> {
  const consultation = await getConsultation(s.db, consultationId);
  const client = await getClientRow(s.db, consultation.clientId);
  let venueName: string;
  if (consultation.mobileSessionId) {
    const session = await getSessionRow(s.db, consultation.mobileSessionId);
    venueName = [session.code, formatAddress({ village: session.village, jamoat: session.jamoat, districtId: session.district_id }, language, 'document')].filter(Boolean).join(', ');
  } else venueName = (await getContactPoint(s.db, consultation.contactPointId)).name;
  const pdf = await renderPdf(
    receiptDefinition({ consultation, client: { surname: client.surname, givenName: client.given_name, patronymic: client.patronymic, birthDate: client.birth_date }, venueName }, language),
  );
  await withWrite(s, (ctx) => audit(ctx, 'print', 'consultations', consultationId, { document: 'consultation_receipt', language, bytes: pdf.length }));
  return { fileName: receiptFileName(consultation, language), mimeType: 'application/pdf', bytes: pdf };
}
