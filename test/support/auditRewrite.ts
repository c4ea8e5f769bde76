import type { RawDatabase } from '../../db/open';
import { AUDIT_HEAD_KEY, GENESIS_HASH, entryHash, type AuditRowContent } from '../../db/queries/audit';

/**
 * What someone holding the database file can do to the audit trail: delete the entries they want
 * gone and recompute every hash after them (and the recorded head), so each remaining entry links to
 * the one before it again. With `renumber`, the sequence numbers are closed up as well.
 */
export function deleteAndRechain(raw: RawDatabase, where: string, renumber = false): void {
  raw.prepare(`DELETE FROM audit_log WHERE ${where}`).run();
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (AuditRowContent & { seq: number })[];
  let prev = GENESIS_HASH;
  const update = raw.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?');
  rows.forEach((row, i) => {
    const hash = entryHash(prev, row);
    update.run(renumber ? i + 1 : row.seq, prev, hash, row.id);
    prev = hash;
  });
  if (renumber) raw.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(rows.length);
  raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run(prev, AUDIT_HEAD_KEY);
}
