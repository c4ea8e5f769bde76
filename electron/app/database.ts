import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bindLegacySlots, createKeyring, isBoundSlot, keyringPathFor, readKeyring, sameUsername, slotAltered, unwrapKey, writeKeyring, DEFAULT_KDF, type KdfParams, type KeySlot } from '../../db/keyring';
import { copyBackup, createBackup, hasBackupOn, type BackupInfo } from '../../db/backup';
import { databaseFiles, ownerOnlyFiles, ownerOnlyFolder } from '../../db/fileModes';
import { keyOpens, openDatabase, type OpenDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { ownContactPointId } from '../../db/queries/contactPoints';
import { getMeta, lastStamp, META_KEYS, setMeta } from '../../db/queries/meta';
import { insertRow, type Writer } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/api/types';
import type { InstallationRole } from '../../shared/domain/enums';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { uuidv7 } from '../../shared/util/uuidv7';
import { settleDbJobs } from './dbJobs';
import { APP_VERSION } from './version';

// Creating and unlocking the encrypted database: plain Node, shared by the handlers and the CLI.

export interface Installation {
  id: string;
  name: string;
  role: InstallationRole;
  contactPointId: string | null;
}

export interface UnlockedDatabase extends OpenDatabase {
  dbPath: string;
  dbKey: Buffer;
  user: SessionUser;
  installation: Installation;
  writer: Writer;
  /** The day's automatic backup, made in the background after the unlock (null: none was due, or it failed). */
  dailyBackup?: Promise<BackupInfo | null>;
}

export interface CreateDatabaseInput {
  dbPath: string;
  username: string;
  displayName: string;
  passphrase: string;
  installationName: string;
  installationRole?: InstallationRole;
  kdf?: KdfParams;
}

export async function createDatabase(input: CreateDatabaseInput): Promise<UnlockedDatabase> {
  const keyPath = keyringPathFor(input.dbPath);
  if (existsSync(input.dbPath) || existsSync(keyPath)) {
    throw new AppError('DATABASE_EXISTS', 'A database already exists at this location');
  }
  ownerOnlyFolder(dirname(input.dbPath), false);
  // An empty file is a new SQLite database; made owner-only before SQLite writes anything into it,
  // and SQLite gives its WAL and shared-memory files the database's mode.
  writeFileSync(input.dbPath, '', { flag: 'wx', mode: 0o600 });
  ownerOnlyFiles(input.dbPath);
  const userId = uuidv7();
  const { keyring, dbKey } = await createKeyring({ userId, username: input.username }, input.passphrase, input.kdf ?? DEFAULT_KDF);
  let opened: OpenDatabase | null = null;
  try {
    opened = await openDatabase({ path: input.dbPath, key: dbKey, create: true, appVersion: APP_VERSION });
    const installationId = uuidv7();
    const writer: Writer = { clock: new HybridClock(nodeIdFromInstallation(installationId)), origin: installationId };
    const role: InstallationRole = input.installationRole ?? 'contact_point';
    await opened.db.transaction().execute(async (trx) => {
      await setMeta(trx, META_KEYS.installationId, installationId);
      await setMeta(trx, META_KEYS.installationName, input.installationName);
      await setMeta(trx, META_KEYS.installationRole, role);
      await setMeta(trx, META_KEYS.databaseId, keyring.databaseId);
      await insertRow(trx, writer, 'users', {
        id: userId,
        username: input.username,
        display_name: input.displayName,
        role: 'administrator',
        active: 1,
        last_login_at: new Date().toISOString(),
      });
      await appendAudit(trx, { userId, username: input.username, action: 'database.create', entity: 'database' });
    });
    // The key file is written last: a crash before this point leaves no half-made database that
    // looks usable, and the cleanup below removes the file.
    writeKeyring(keyPath, keyring);
    ownerOnlyFiles(...databaseFiles(input.dbPath));
    return closingAfterJobs({
      ...opened,
      dbPath: input.dbPath,
      dbKey,
      user: { id: userId, username: input.username, displayName: input.displayName, role: 'administrator' },
      installation: { id: installationId, name: input.installationName, role, contactPointId: null },
      writer,
    });
  } catch (error) {
    if (opened) await opened.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${input.dbPath}${suffix}`, { force: true });
    throw error;
  }
}

/**
 * The unlocked database, its close waiting first for the jobs on it (dbJobs.ts): a package's job worker
 * copies the merge's log into the file after its answer, and the reads' audit entries follow it.
 */
function closingAfterJobs(fields: UnlockedDatabase): UnlockedDatabase {
  const unlocked: UnlockedDatabase = {
    ...fields,
    close: async () => {
      await settleDbJobs(unlocked);
      await fields.close();
    },
  };
  return unlocked;
}

export function databaseExists(dbPath: string): boolean {
  return existsSync(dbPath) && existsSync(keyringPathFor(dbPath));
}

export async function unlockDatabase(dbPath: string, username: string, passphrase: string): Promise<UnlockedDatabase> {
  if (!databaseExists(dbPath)) throw new AppError('NO_DATABASE', 'No database at this location');
  const keyPath = keyringPathFor(dbPath);
  const open = async (keyFile: string) => {
    const { dbKey, slot, upgrade } = await unwrapKey(readKeyring(keyFile), username, passphrase);
    const db = await openDatabase({
      path: dbPath,
      key: dbKey,
      appVersion: APP_VERSION,
      checkVitalTables: true,
      beforeMigrate: (raw) => void createBackup(raw, dbPath, 'pre-migration'),
    });
    return { opened: db, dbKey, slot, upgrade };
  };
  // A key rotation writes the new key file beside the live one (`.next`), re-keys, then renames it over
  // the live one. Cut short between the two, the database already has the new key: the `.next` file
  // opens it, and the rename is finished here. Cut short before the re-key, `.next` is left over.
  const pending = `${keyPath}.next`;
  let attempt: Awaited<ReturnType<typeof open>>;
  if (!existsSync(pending)) attempt = await open(keyPath);
  else {
    const { dbKey } = await unwrapKey(readKeyring(keyPath), username, passphrase);
    if (keyOpens(dbPath, dbKey)) {
      rmSync(pending, { force: true });
      attempt = await open(keyPath);
    } else {
      attempt = await open(pending);
      renameSync(pending, keyPath);
    }
  }
  const { opened, dbKey, slot, upgrade } = attempt;
  try {
    // Databases made by earlier versions, or copied in, get owner-only files too.
    ownerOnlyFiles(...databaseFiles(dbPath));
    const userRow = await userOfSlot(opened, slot);
    if (!userRow || !userRow.active) throw new AppError('FORBIDDEN', 'This user account is disabled');
    // A slot in the old format is bound to its user from now on; only after the key has opened the database.
    // Other users' old-format slots get their binding MAC (db/keyring.ts) where the database confirms them.
    const keys = upgrade ? await upgrade({ userId: userRow.id, username: userRow.username }) : readKeyring(keyPath);
    const users = await opened.db.selectFrom('users').select(['id', 'username']).where('deleted_at', 'is', null).execute();
    const bound = bindLegacySlots(keys, dbKey, (s) => users.some((u) => (s.userId === null || u.id === s.userId) && sameUsername(u.username, s.username)));
    if (upgrade || bound !== keys) writeKeyring(keyPath, bound);
    const installation = await readInstallation(opened);
    const writer: Writer = {
      clock: new HybridClock(nodeIdFromInstallation(installation.id), (await lastStamp(opened.db)) ?? undefined),
      origin: installation.id,
    };
    const user: SessionUser = { id: userRow.id, username: userRow.username, displayName: userRow.display_name, role: userRow.role };
    await opened.db.transaction().execute(async (trx) => {
      // Recorded in the database only once the key file holds the bindings: a binding removed later cannot go unnoticed.
      if (bound !== keys) await setMeta(trx, META_KEYS.firstFormatSlotsBound, new Date().toISOString());
      await trx.updateTable('users').set({ last_login_at: new Date().toISOString() }).where('id', '=', user.id).execute();
      await appendAudit(trx, { userId: user.id, username: user.username, action: 'session.unlock', entity: 'session' });
    });
    // An automatic encrypted backup on the first unlock of every day of use, made in the background: the
    // session is usable at once (a national database's copy takes a while). A failed backup does not stop
    // the work of the day; it is written to the audit trail, and Settings → Backups shows none for today.
    const today = new Date().toISOString().slice(0, 10);
    let due = true;
    try {
      due = !hasBackupOn(dbPath, today);
    } catch {
      // The backups folder cannot be read: the backup below fails the same way and is recorded.
    }
    if (due) {
      const dailyBackup = copyBackup(opened.raw, dbPath, dbKey, 'daily').catch(async (error: unknown) => {
        const code = error instanceof AppError ? error.code : 'INTERNAL';
        await appendAudit(opened.db, { userId: user.id, username: user.username, action: 'backup.failed', entity: 'database', detail: { reason: 'daily', code } }).catch(() => undefined);
        return null;
      });
      // Closing waits for the copy: the file must not change under it.
      const close = async () => {
        await dailyBackup;
        await opened.close();
      };
      return closingAfterJobs({ ...opened, close, dbPath, dbKey, user, installation, writer, dailyBackup });
    }
    return closingAfterJobs({ ...opened, dbPath, dbKey, user, installation, writer });
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/**
 * The user a key slot belongs to (slots made before users had ids name the user instead). An old-format
 * slot's user id and name are not covered by its encryption: they must name the same user in the database,
 * and once such slots were bound (db/keyring.ts) one without its binding was stripped of it.
 */
export async function userOfSlot(opened: OpenDatabase, slot: KeySlot) {
  const row = await opened.db
    .selectFrom('users')
    .selectAll()
    .where(slot.userId ? 'id' : 'username', '=', slot.userId ?? slot.username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (row && !isBoundSlot(slot)) {
    if (!sameUsername(row.username, slot.username)) throw slotAltered();
    if (slot.binding === undefined && (await getMeta(opened.db, META_KEYS.firstFormatSlotsBound)) !== null) throw slotAltered();
  }
  return row;
}

async function readInstallation(opened: OpenDatabase): Promise<Installation> {
  const id = await getMeta(opened.db, META_KEYS.installationId);
  if (!id) throw new AppError('DATABASE_CORRUPT', 'The database has no installation record');
  return {
    id,
    name: (await getMeta(opened.db, META_KEYS.installationName)) ?? '',
    role: ((await getMeta(opened.db, META_KEYS.installationRole)) ?? 'contact_point') as InstallationRole,
    contactPointId: await ownContactPointId(opened.db),
  };
}
