import { allAuditRows, listAuditRows, verifyAuditSinceLastCheck } from '../../db/queries/audit';
import { audit } from '../../db/queries/writeContext';
import type { AuditPage } from '../../shared/api/securityTypes';
import type { HeldFile } from '../app/fileTokens';
import { toCsv } from '../../shared/util/csv';
import type { Language } from '../../shared/domain/enums';
import { translate, translateOr } from '../../shared/i18n';
import { auditActionKey, auditEntityKey } from '../../shared/i18n/auditWords';
import { formatDateTime } from '../../shared/i18n/format';
import { withWrite, type Unlocked } from './index';

// The audit trail as the administrator reads it: a page with the state of the hash chain, and the
// whole trail as CSV (exporting it is itself audited).

export async function listAudit(s: Unlocked, f: { action?: string; username?: string; offset: number; limit: number }): Promise<AuditPage> {
  const { rows, total } = await listAuditRows(s.db, f);
  const chain = await verifyAuditSinceLastCheck(s.db);
  return {
    rows: rows.map((r) => ({ seq: r.seq, at: r.at, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail })),
    total,
    chainOk: chain.ok,
    brokenAt: chain.brokenAt,
  };
}

/**
 * The whole trail as CSV. The columns the hash chain covers stay as they are stored (codes, UTC), so
 * that the chain can be checked from the file; beside them, what the Audit screen shows in `language`:
 * the time on this computer's clock, the action's and the record's words.
 */
export async function exportAudit(s: Unlocked, language: Language, now: Date = new Date()): Promise<HeldFile> {
  const rows = await allAuditRows(s.db);
  const csv = toCsv([
    ['seq', 'at', translate(language, 'security.audit.at'), 'username', 'action', translate(language, 'security.audit.action'), 'entity', translate(language, 'security.audit.entity'), 'entity_id', 'detail', 'hash'],
    ...rows.map((r) => [
      r.seq,
      r.at,
      formatDateTime(r.at, language),
      r.username,
      r.action,
      translateOr(language, auditActionKey(r.action), r.action),
      r.entity,
      r.entity ? translateOr(language, auditEntityKey(r.entity), r.entity) : '',
      r.entity_id,
      r.detail,
      r.hash,
    ]),
  ]);
  await withWrite(s, (ctx) => audit(ctx, 'audit.export', 'audit_log', null, { entries: rows.length }));
  return { fileName: `audit-log-${now.toISOString().slice(0, 10)}.csv`, mimeType: 'text/csv', bytes: Buffer.from(csv, 'utf8') };
}
