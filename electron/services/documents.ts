import { getDocumentFileRow, listCaseDocumentRows } from '../../db/queries/documents';
import { documentOwner } from '../../db/queries/visibility';
import { audit } from '../../db/queries/writeContext';
import type { DocumentSummary } from '../../shared/api/filingsTypes';
import type { HeldFile } from '../app/fileTokens';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient } from './visibility';

// The documents stored with a case (generated filings), listed and taken out of the database.

export async function listCaseDocuments(s: Unlocked, caseId: string): Promise<DocumentSummary[]> {
  return (await listCaseDocumentRows(s.db, caseId)).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    title: r.title,
    fileName: r.file_name,
    language: r.language,
    templateId: r.template_id,
    templateVersion: r.template_version,
    legalRefVersion: r.legal_ref_version,
    dataHash: r.data_hash,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
  }));
}

/** A document's file; taking a copy out of the encrypted database is worth a line in the audit trail. */
export async function exportDocument(s: Unlocked, id: string): Promise<HeldFile & { sha256: string }> {
  // A document of a sensitive case or client only to those who may see it (shared/domain/sensitivity.ts).
  const owner = await documentOwner(s.db, id);
  if (owner?.client_id) await requireVisibleClient(s, owner.client_id);
  if (owner?.case_id) await requireVisibleCase(s, owner.case_id);
  const row = await getDocumentFileRow(s.db, id);
  await withWrite(s, (ctx) => audit(ctx, 'document.export', 'documents', id));
  return { fileName: row.file_name, mimeType: row.mime_type, bytes: Buffer.from(row.content), sha256: row.sha256 };
}
