import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { DocumentKind } from '../../shared/domain/enums';
import { insertRow } from '../write';
import type { Db, WriteCtx } from './writeContext';
import { audit } from './writeContext';

// Generated filings stored in the encrypted database with the case (documents table).

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
  'id',
  'case_id',
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
  'created_at',
] as const;

/** The documents of a case without their content, the newest first. */
export async function listCaseDocumentRows(db: Db, caseId: string) {
  return db
    .selectFrom('documents')
    .select(SUMMARY_COLUMNS)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
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
