import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { DocumentKind } from '../../shared/domain/enums';
import type { AttachmentType } from '../../shared/domain/enums';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { forgetHistory } from './erase';
import type { Db, WriteCtx } from './writeContext';
import { audit } from './writeContext';

// The documents kept in the encrypted database: generated filings (with their case), scanned papers and
// photos (with a client, a consultation or a case), and the printed consent forms and receipts (with the
// client).

export interface NewDocument {
  caseId: string;
  clientId: string;
  title: string;
  fileName: string;
  content: Buffer;
  language: string;
  templateId: string;
  templateVersion: string;
  legalRefVersion: string;
  dataHash: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The columns of a stored filing (insertFilingDocument, and the national seed's fast path). */
export function filingColumns(d: NewDocument, userId: string, sha256?: string) {
  const kind: DocumentKind = 'filing';
  return {
    case_id: d.caseId,
    client_id: d.clientId,
    kind,
    title: d.title,
    file_name: d.fileName,
    mime_type: DOCX_MIME,
    size_bytes: d.content.length,
    content: d.content,
    sha256: sha256 ?? createHash('sha256').update(d.content).digest('hex'),
    language: d.language,
    template_id: d.templateId,
    template_version: d.templateVersion,
    legal_ref_version: d.legalRefVersion,
    data_hash: d.dataHash,
    created_by_user_id: userId,
  };
}

export async function insertFilingDocument(ctx: WriteCtx, d: NewDocument): Promise<string> {
  const id = await insertRow(ctx.trx, ctx.w, 'documents', filingColumns(d, ctx.user.id));
  // Ids and template facts only: the title and file name carry the client's name.
  await audit(ctx, 'document.create', 'documents', id, { caseId: d.caseId, templateId: d.templateId, templateVersion: d.templateVersion, language: d.language });
  return id;
}

const SUMMARY_COLUMNS = [
  'documents.id',
  'case_id',
  'client_id',
  'consultation_id',
  'attachment_type',
  'mime_type',
  'thumbnail',
  'kind',
  'title',
  'file_name',
  'language',
  'template_id',
  'template_version',
  'legal_ref_version',
  'data_hash',
  'sha256',
  'size_bytes',
  'documents.created_at',
] as const;

/** Whose documents: a case's, a consultation's, or a client's (with those of her cases and consultations). */
export type DocumentOwner = { caseId: string } | { consultationId: string } | { clientId: string };

/** The documents of a record (or the one document of an id) without their content (the thumbnail only), the newest first, with who stored each. */
export async function listDocumentRows(db: Db, owner: DocumentOwner | { id: string }) {
  const [column, value] =
    'id' in owner
      ? (['documents.id', owner.id] as const)
      : 'caseId' in owner
        ? (['case_id', owner.caseId] as const)
        : 'consultationId' in owner
          ? (['consultation_id', owner.consultationId] as const)
          : (['client_id', owner.clientId] as const);
  return db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.created_by_user_id')
    .select([...SUMMARY_COLUMNS, 'users.display_name as created_by'])
    .where(column, '=', value)
    .where('documents.deleted_at', 'is', null)
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.id', 'desc')
    .execute();
}

export interface NewStoredDocument {
  clientId: string;
  caseId: string | null;
  consultationId: string | null;
  kind: 'attachment' | 'receipt' | 'consent';
  attachmentType: AttachmentType | null;
  title: string;
  fileName: string;
  mimeType: string;
  content: Buffer;
  thumbnail: Buffer | null;
  language: string | null;
}

/** Stores a scanned paper or a printed form; the audit entry holds ids and sizes, never the file's name. */
export async function insertStoredDocument(ctx: WriteCtx, d: NewStoredDocument): Promise<string> {
  const id = await insertRow(ctx.trx, ctx.w, 'documents', {
    client_id: d.clientId,
    case_id: d.caseId,
    consultation_id: d.consultationId,
    kind: d.kind,
    attachment_type: d.attachmentType,
    title: d.title,
    file_name: d.fileName,
    mime_type: d.mimeType,
    size_bytes: d.content.length,
    content: d.content,
    thumbnail: d.thumbnail,
    sha256: createHash('sha256').update(d.content).digest('hex'),
    language: d.language,
    created_by_user_id: ctx.user.id,
  });
  const attached = d.kind === 'attachment';
  await audit(ctx, attached ? 'document.attach' : 'document.keep', 'documents', id, {
    kind: d.kind,
    ...(d.attachmentType ? { type: d.attachmentType } : {}),
    clientId: d.clientId,
    ...(d.caseId ? { caseId: d.caseId } : {}),
    ...(d.consultationId ? { consultationId: d.consultationId } : {}),
    bytes: d.content.length,
  });
  return id;
}

/** What a document was stored with, for checks before it is deleted. */
export async function getDocumentOwnerRow(db: Db, id: string) {
  const row = await db.selectFrom('documents').select(['id', 'kind', 'client_id', 'case_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such document');
  return row;
}

/** Deletes a document: its content and thumbnail cleared (in its history too), then tombstoned. */
export async function deleteDocumentRow(ctx: WriteCtx, id: string): Promise<void> {
  const row = await getDocumentOwnerRow(ctx.trx, id);
  const stamp = ctx.w.clock.last();
  await forgetHistory(ctx.trx, 'documents', [id], ['content', 'thumbnail'], stamp);
  await updateRow(ctx.trx, ctx.w, 'documents', id, { content: new Uint8Array(0), thumbnail: null, size_bytes: 0, sha256: '' });
  await tombstoneRow(ctx.trx, ctx.w, 'documents', id);
  await audit(ctx, 'document.delete', 'documents', id, { kind: row.kind });
}

/** The attachment types stored for a client or any of her cases (for the filing wizard's list). */
export async function attachmentTypesOf(db: Db, clientId: string, caseId: string): Promise<Set<AttachmentType>> {
  const rows = await db
    .selectFrom('documents')
    .select('attachment_type')
    .distinct()
    .where('kind', '=', 'attachment')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('client_id', '=', clientId), eb('case_id', '=', caseId)]))
    .execute();
  return new Set(rows.map((r) => r.attachment_type).filter((t): t is AttachmentType => t !== null));
}

/** A document's file. */
export async function getDocumentFileRow(db: Db, id: string) {
  const row = await db
    .selectFrom('documents')
    .select(['file_name', 'mime_type', 'content', 'sha256'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such document');
  return row;
}
