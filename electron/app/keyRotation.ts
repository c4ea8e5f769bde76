import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { createBackup } from '../../db/backup';
import { keyringPathFor, readKeyring, resealKeyring, writeKeyring } from '../../db/keyring';
import { rekeyDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import type { KeyRotationSummary } from '../../shared/api/securityTypes';
import type { UnlockedDatabase } from './database';

export type RotationReason = 'user.disable' | 'user.resetPassword' | 'user.changePassword' | 'administrator';


/**
 * Gives the open database a new random key and seals it for the active users only (from their public
 * keys, see db/keyring.ts), so whatever unwrapped the old key — a revoked user's password, an old copy of
 * the key file, a backup's key file — no longer opens the live database.
 *
 * Order, for a crash at any point: a backup under the old key (with the old key file); the new key file
 * written beside the live one as `.next`; the rekey and an integrity check under the new key; then the
 * new key file replaces the old one by a rename. A crash before the rekey's commit leaves the old key and
 * old key file; a crash between the rekey and the rename leaves the right key file in `.next`.
 */
export async function rotateDatabaseKey(s: UnlockedDatabase, reason: RotationReason): Promise<KeyRotationSummary> {
  // The day's backup holds a read snapshot on a second connection, which the journal-mode switch waits for.
  await s.dailyBackup?.catch(() => null);
  const keyPath = keyringPathFor(s.dbPath);
  const active = new Set(
    (await s.db.selectFrom('users').select('id').where('active', '=', 1).where('deleted_at', 'is', null).execute()).map((u) => u.id),
  );
  const backup = createBackup(s.raw, s.dbPath, 'pre-rekey');
  const newKey = randomBytes(32);
  const { keyring, dropped } = resealKeyring(readKeyring(keyPath), newKey, (slot) => slot.userId !== null && active.has(slot.userId));
  const next = `${keyPath}.next`;
  writeKeyring(next, keyring);
  rekeyDatabase(s.raw, newKey);
  renameSync(next, keyPath);
  s.dbKey = newKey;
  await appendAudit(s.db, {
    userId: s.user.id,
    username: s.user.username,
    action: 'database.rekey',
    entity: 'database',
    detail: { reason, slots: keyring.slots.length, withoutSlot: dropped.length },
  });
  return { backup: backup.name, usersWithoutSlot: dropped };
}
