import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { copyBackup } from '../../db/backup';
import { keyringPathFor, readKeyring, resealKeyring, writeKeyring } from '../../db/keyring';
import { rekeyDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import type { KeyRotationPhase, KeyRotationSummary } from '../../shared/api/securityTypes';
import type { UnlockedDatabase } from './database';
import { refuseWhileApplying, settleDbJobs } from './dbJobs';

export type RotationReason = 'user.disable' | 'user.resetPassword' | 'user.changePassword' | 'administrator' | 'backup.restore';

/** What a rotation works on: an unlocked session, or a database just restored by an administrator. */
export type RotationTarget = Pick<UnlockedDatabase, 'db' | 'raw' | 'dbPath' | 'dbKey' | 'dailyBackup'> & { user: { id: string; username: string } };

export type RotationProgress = (step: { phase: KeyRotationPhase; percent: number }) => void;

/**
 * Where each phase starts on a 0–100 bar. The backup, the re-key and the integrity check each go once
 * over every page of the database: a third each. Only the backup's share moves within its phase (the
 * bytes copied); the re-key and the check are single SQLite statements, reported as they start.
 */
const PHASE_START: Record<KeyRotationPhase, number> = { backup: 0, rekey: 33, check: 66, keyFile: 99, done: 100 };

/** Copies the database file in chunks, telling how much of it is copied. */
function copyTelling(fraction: (done: number) => void) {
  return async (from: string, to: string) => {
    const total = Math.max(statSync(from).size, 1);
    let copied = 0;
    const source = createReadStream(from).on('data', (chunk) => {
      copied += chunk.length;
      fraction(Math.min(copied / total, 1));
    });
    await pipeline(source, createWriteStream(to, { mode: 0o600 }));
  };
}

// A turn of the event loop, so a screen asking for the progress gets an answer between phases.
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Gives the open database a new random key and seals it for the active users only (from their public
 * keys, see db/keyring.ts), so whatever unwrapped the old key — a revoked user's password, an old copy of
 * the key file, a backup's key file — no longer opens the live database.
 *
 * Order, for a crash at any point: a backup under the old key (with the old key file); the new key file
 * written beside the live one as `.next`; the rekey and an integrity check under the new key; then the
 * new key file replaces the old one by a rename. A crash before the rekey's commit leaves the old key and
 * old key file; a crash between the rekey and the rename leaves the right key file in `.next`.
 * `onProgress` hears the phases in that order, with the percent of the whole, ending at 'done', 100.
 */
export async function rotateDatabaseKey(s: RotationTarget, reason: RotationReason, onProgress: RotationProgress = () => {}): Promise<KeyRotationSummary> {
  // The day's backup holds a read snapshot on a second connection, and a package's job worker may still
  // be copying the log into the file after its answer: the journal-mode switch needs the file to itself.
  refuseWhileApplying(s);
  await s.dailyBackup?.catch(() => null);
  await settleDbJobs(s);
  const keyPath = keyringPathFor(s.dbPath);
  onProgress({ phase: 'backup', percent: PHASE_START.backup });
  // The file copied while the app stays responsive (falling back to SQLite's copy when it cannot be).
  const share = PHASE_START.rekey - PHASE_START.backup;
  let shown = PHASE_START.backup;
  const backup = await copyBackup(s.raw, s.dbPath, s.dbKey, 'pre-rekey', undefined, undefined, copyTelling((fraction) => {
    const percent = PHASE_START.backup + Math.floor(share * fraction);
    if (percent > shown) onProgress({ phase: 'backup', percent: (shown = percent) });
  }));
  // Who is active is read after the copy, during which the app went on (a user may have been added).
  const active = new Set(
    (await s.db.selectFrom('users').select('id').where('active', '=', 1).where('deleted_at', 'is', null).execute()).map((u) => u.id),
  );
  const newKey = randomBytes(32);
  const { keyring, dropped } = resealKeyring(readKeyring(keyPath), newKey, (slot) => slot.userId !== null && active.has(slot.userId));
  const next = `${keyPath}.next`;
  writeKeyring(next, keyring);
  onProgress({ phase: 'rekey', percent: PHASE_START.rekey });
  // The last turn of the event loop under the old key: from here to the rename nothing else may run.
  await yieldNow();
  rekeyDatabase(s.raw, newKey, () => onProgress({ phase: 'check', percent: PHASE_START.check }));
  onProgress({ phase: 'keyFile', percent: PHASE_START.keyFile });
  renameSync(next, keyPath);
  s.dbKey = newKey;
  await appendAudit(s.db, {
    userId: s.user.id,
    username: s.user.username,
    action: 'database.rekey',
    entity: 'database',
    detail: { reason, slots: keyring.slots.length, withoutSlot: dropped.length },
  });
  onProgress({ phase: 'done', percent: PHASE_START.done });
  return { backup: backup.name, usersWithoutSlot: dropped };
}
