import { formatAddress } from '../../shared/reference/addresses';
import { getCaseRow } from '../../db/queries/cases';
import { getClientRow } from '../../db/queries/clients';
import { insertStoredDocument, type NewStoredDocument } from '../../db/queries/documents';
import { findContactPoint, getContactPoint } from '../../db/queries/contactPoints';
import { getSessionRow } from '../../db/queries/mobileSessions';
import { audit } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import { can } from '../../shared/domain/permissions';
import { consentDefinition, consentFileName } from '../documents/consentForm';
import { receiptDefinition, receiptFileName } from '../documents/consultationReceipt';
import { renderPdf } from '../reports/pdfFonts';
import type { ReceiptLanguage } from '../documents/receiptTexts';
import type { HeldFile } from '../app/fileTokens';
import { getConsultation } from './consultationViews';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient } from './visibility';

// What a lawyer prints for the client: the receipt after a consultation and the consent-to-processing
// form. Each printing is audited, and the printed PDF is kept with the client's documents (with the day
// and who printed it) — by users who may store documents; a read-only user's print is only audited.

/** A printed PDF as it is kept with the client's documents (who printed it is the document's creator). */
function printed(clientId: string, consultationId: string | null, kind: 'receipt' | 'consent', fileName: string, pdf: Buffer, language: ReceiptLanguage): NewStoredDocument {
  return { clientId, caseId: null, consultationId, kind, attachmentType: null, title: '', fileName, mimeType: 'application/pdf', content: pdf, thumbnail: null, language };
}

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
  const fileName = receiptFileName(consultation, language);
  await withWrite(s, async (ctx) => {
    await audit(ctx, 'print', 'consultations', consultationId, { document: 'consultation_receipt', language, bytes: pdf.length });
    if (can(s.user.role, 'documents:write') && !client.erased_at) {
      await insertStoredDocument(ctx, printed(client.id, consultationId, 'receipt', fileName, pdf, language));
    }
  });
  return { fileName, mimeType: 'application/pdf', bytes: pdf };
}

export async function consentForm(s: Unlocked, clientId: string, language: ReceiptLanguage): Promise<HeldFile> {
  await requireVisibleClient(s, clientId);
  const client = await getClientRow(s.db, clientId);
  if (client.erased_at) throw new AppError('CONFLICT', 'This client was erased');
  const office = s.installation.contactPointId ? ((await findContactPoint(s.db, s.installation.contactPointId))?.name ?? null) : null;
  const printedOn = todayIso();
  const pdf = await renderPdf(
    consentDefinition(
      {
        client: {
          surname: client.surname,
          givenName: client.given_name,
          patronymic: client.patronymic,
          birthDate: client.birth_date,
          idDocType: client.id_doc_type,
          idDocNumber: client.id_doc_number,
          address: [client.residence_village, client.residence_jamoat, client.residence_address].filter(Boolean).join(', '),
        },
        consentOn: client.consent_on,
        consentMethod: client.consent_method,
        office,
        lawyer: s.user.displayName || s.user.username,
        printedOn,
      },
      language,
    ),
  );
  const fileName = consentFileName(client.id, printedOn, language);
  await withWrite(s, async (ctx) => {
    await audit(ctx, 'print', 'clients', clientId, { document: 'consent', language, bytes: pdf.length });
    await insertStoredDocument(ctx, printed(clientId, null, 'consent', fileName, pdf, language));
  });
  return { fileName, mimeType: 'application/pdf', bytes: pdf };
}
