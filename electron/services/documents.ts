import { basename } from 'node:path';
import { getCaseRow } from '../../db/queries/cases';
import { getClientRow } from '../../db/queries/clients';
import { getConsultationRow } from '../../db/queries/consultations';
import { deleteDocumentRow, getDocumentFileRow, insertStoredDocument, listDocumentRows, type DocumentOwner } from '../../db/queries/documents';
import { documentOwner } from '../../db/queries/visibility';
import { audit } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import type { DocumentSummary } from '../../shared/api/filingsTypes';
import type { AttachmentType } from '../../shared/domain/enums';
import type { HeldFile } from '../app/fileTokens';
import { prepareScanOffThread } from '../app/renderJobs';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient } from './visibility';

// The documents kept with a client, a consultation or a case: generated filings, scanned papers and
// photos, printed consent forms and receipts — listed, stored, taken out and deleted.

type Row = Awaited<ReturnType<typeof listDocumentRows>>[number];

function summary(r: Row): DocumentSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    clientId: r.client_id,
    consultationId: r.consultation_id,
    kind: r.kind,
    attachmentType: r.attachment_type,
    title: r.title,
    fileName: r.file_name,
    mimeType: r.mime_type,
    language: r.language,
    templateId: r.template_id,
    templateVersion: r.template_version,
    legalRefVersion: r.legal_ref_version,
    dataHash: r.data_hash,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
    createdBy: r.created_by,
    thumbnail: r.thumbnail ? `data:image/jpeg;base64,${Buffer.from(r.thumbnail).toString('base64')}` : null,
  };
}

export async function listDocuments(s: Unlocked, owner: DocumentOwner): Promise<DocumentSummary[]> {
  // The papers of a sensitive case or client only to those who may see them (shared/domain/sensitivity.ts).
  if ('caseId' in owner && owner.caseId) await requireVisibleCase(s, owner.caseId);
  if ('clientId' in owner && owner.clientId) await requireVisibleClient(s, owner.clientId);
  if ('consultationId' in owner && owner.consultationId) await requireVisibleClient(s, (await getConsultationRow(s.db, owner.consultationId)).client_id);
  return (await listDocumentRows(s.db, owner)).map(summary);
}

/** Refuses (and audits) a document of a case or client the user may not see. */
async function requireVisibleDocument(s: Unlocked, id: string): Promise<void> {
  const owner = await documentOwner(s.db, id);
  if (owner?.client_id) await requireVisibleClient(s, owner.client_id);
  if (owner?.case_id) await requireVisibleCase(s, owner.case_id);
}

/** The client (and case or consultation) a document goes with; an erased client takes no new documents. */
async function resolveOwner(s: Unlocked, target: { clientId?: string | undefined; caseId?: string | undefined; consultationId?: string | undefined }) {
  let clientId = target.clientId;
  if (target.caseId) clientId = (await getCaseRow(s.db, target.caseId)).client_id;
  if (target.consultationId) clientId = (await getConsultationRow(s.db, target.consultationId)).client_id;
  if (!clientId) throw new AppError('BAD_REQUEST', 'A document goes with a client, a consultation or a case');
  const client = await getClientRow(s.db, clientId);
  if (client.erased_at) throw new AppError('CONFLICT', 'This client was erased');
  return { clientId, caseId: target.caseId ?? null, consultationId: target.consultationId ?? null };
}

export interface AttachRequest {
  clientId?: string | undefined;
  caseId?: string | undefined;
  consultationId?: string | undefined;
  type: AttachmentType;
  fileName: string;
  bytes: Buffer;
}

/** Stores a scanned paper or photo: checked by its content, photos made smaller and stripped of metadata. */
export async function attachDocument(s: Unlocked, req: AttachRequest): Promise<DocumentSummary> {
  const name = basename(req.fileName.replaceAll('\\', '/'));
  const owner = await resolveOwner(s, req);
  await requireVisibleClient(s, owner.clientId);
  if (owner.caseId) await requireVisibleCase(s, owner.caseId);
  // Decoding and resizing happen before the transaction: a slow photo does not hold the database.
  const scan = await prepareScanOffThread(name, req.bytes);
  const id = await withWrite(s, (ctx) =>
    insertStoredDocument(ctx, {
      ...owner,
      kind: 'attachment',
      attachmentType: req.type,
      title: '',
      fileName: scan.fileName,
      mimeType: scan.mimeType,
      content: scan.content,
      thumbnail: scan.thumbnail,
      language: null,
    }),
  );
  const [stored] = await listDocumentRows(s.db, { id });
  return summary(stored!);
}

export async function deleteDocument(s: Unlocked, id: string): Promise<{ deleted: true }> {
  await requireVisibleDocument(s, id);
  await withWrite(s, (ctx) => deleteDocumentRow(ctx, id));
  return { deleted: true };
}

/** A document's file; taking a copy out of the encrypted database is worth a line in the audit trail. */
export async function exportDocument(s: Unlocked, id: string): Promise<HeldFile & { sha256: string }> {
  await requireVisibleDocument(s, id);
  const row = await getDocumentFileRow(s.db, id);
  await withWrite(s, (ctx) => audit(ctx, 'document.export', 'documents', id));
  return { fileName: row.file_name, mimeType: row.mime_type, bytes: Buffer.from(row.content), sha256: row.sha256 };
}
