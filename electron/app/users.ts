import { hasSlot, keyringPathFor, readKeyring, removeUserSlot, setUserSlot, unwrapKey, writeKeyring } from '../../db/keyring';
import { appendAudit } from '../../db/queries/audit';
import { insertRow, updateRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { LawyerOption, UserSummary } from '../../shared/api/securityTypes';
import { lawyerRows } from '../../db/queries/users';
import type { UserRole } from '../../shared/domain/enums';
import type { UnlockedDatabase } from './database';
import { rotateDatabaseKey } from './keyRotation';
import type { KdfParams } from '../../db/keyring';
import { deleteUserDrafts } from '../../db/queries/drafts';

// User accounts. The database key is sealed once per active user (a slot in the key file). Adding a user
// adds a slot; disabling a user, resetting or changing a password also gives the database a new key
// (keyRotation.ts), so the revoked slot or password — even with an old copy of the key file — unwraps
// only a key the live database no longer accepts.

export async function listUsers(s: UnlockedDatabase): Promise<UserSummary[]> {
  const keyring = readKeyring(keyringPathFor(s.dbPath));
  const rows = await s.db.selectFrom('users').selectAll().where('deleted_at', 'is', null).orderBy('username').execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    active: r.active === 1,
    lastLoginAt: r.last_login_at,
    canUnlock: hasSlot(keyring, r),
  }));
}

/** Who the lists' lawyer filter offers. */
export async function listLawyers(s: UnlockedDatabase): Promise<LawyerOption[]> {
  return (await lawyerRows(s.db)).map((r) => ({ id: r.id, displayName: r.display_name, active: r.active === 1 }));
}

async function userById(s: UnlockedDatabase, id: string) {
  const row = await s.db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such user');
  return row;
}

async function activeAdministrators(s: UnlockedDatabase): Promise<number> {
  const r = await s.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function writeSlot(s: UnlockedDatabase, user: { id: string; username: string }, password: string, kdf?: KdfParams) {
  const path = keyringPathFor(s.dbPath);
  writeKeyring(path, await setUserSlot(readKeyring(path), s.dbKey, { userId: user.id, username: user.username }, password, kdf));
}

export async function createUser(
  s: UnlockedDatabase,
  input: { username: string; displayName: string; role: UserRole; password: string },
  kdf?: KdfParams,
): Promise<UserSummary> {
  const taken = await s.db.selectFrom('users').select('id').where('deleted_at', 'is', null).where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'This user name is taken', [{ path: 'username', key: 'taken' }]);
  let id = '';
  await s.db.transaction().execute(async (trx) => {
    id = await insertRow(trx, s.writer, 'users', {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      active: 1,
      last_login_at: null,
    });
    await appendAudit(trx, { userId: s.user.id, username: s.user.username, action: 'user.create', entity: 'users', entityId: id, detail: { role: input.role } });
  });
  await writeSlot(s, { id, username: input.username }, input.password, kdf);
  return (await listUsers(s)).find((u) => u.id === id)!;
}

export async function updateUser(s: UnlockedDatabase, input: { id: string; displayName: string; role: UserRole }): Promise<UserSummary> {
  const user = await userById(s, input.id);
  if (user.role === 'administrator' && input.role !== 'administrator' && user.active && (await activeAdministrators(s)) <= 1) {
    throw new AppError('CONFLICT', 'The last active administrator cannot lose that role', [{ path: 'role', key: 'lastAdministrator' }]);
  }
  await s.db.transaction().execute(async (trx) => {
    const changed = await updateRow(trx, s.writer, 'users', input.id, { display_name: input.displayName, role: input.role });
    if (changed.length) await appendAudit(trx, { userId: s.user.id, username: s.user.username, action: 'user.update', entity: 'users', entityId: input.id, detail: { fields: changed, role: input.role } });
  });
  return (await listUsers(s)).find((u) => u.id === input.id)!;
}

export async function setUserActive(s: UnlockedDatabase, input: { id: string; active: boolean; password?: string | undefined }, kdf?: KdfParams): Promise<UserSummary> {
  const user = await userById(s, input.id);
  if (!input.active) {
    if (user.id === s.user.id) throw new AppError('CONFLICT', 'You cannot disable your own account', [{ path: 'active', key: 'ownAccount' }]);
    if (user.role === 'administrator' && (await activeAdministrators(s)) <= 1) {
      throw new AppError('CONFLICT', 'The last active administrator cannot be disabled', [{ path: 'active', key: 'lastAdministrator' }]);
    }
  }
  await s.db.transaction().execute(async (trx) => {
    await updateRow(trx, s.writer, 'users', input.id, { active: input.active ? 1 : 0 });
    // A disabled user's unsaved entries would otherwise stay readable to nobody but the database.
    if (!input.active) await deleteUserDrafts(trx, input.id);
    await appendAudit(trx, { userId: s.user.id, username: s.user.username, action: input.active ? 'user.enable' : 'user.disable', entity: 'users', entityId: input.id });
  });
  const path = keyringPathFor(s.dbPath);
  if (input.active) await writeSlot(s, user, input.password!, kdf);
  else {
    writeKeyring(path, removeUserSlot(readKeyring(path), user.username));
    await rotateDatabaseKey(s, 'user.disable');
  }
  return (await listUsers(s)).find((u) => u.id === input.id)!;
}

export async function resetPassword(s: UnlockedDatabase, input: { id: string; password: string }, kdf?: KdfParams): Promise<UserSummary> {
  const user = await userById(s, input.id);
  if (!user.active) throw new AppError('CONFLICT', 'Enable the account first', [{ path: 'id', key: 'disabledAccount' }]);
  await writeSlot(s, user, input.password, kdf);
  await appendAudit(s.db, { userId: s.user.id, username: s.user.username, action: 'user.resetPassword', entity: 'users', entityId: input.id });
  await rotateDatabaseKey(s, 'user.resetPassword');
  return (await listUsers(s)).find((u) => u.id === input.id)!;
}

export async function changeOwnPassword(s: UnlockedDatabase, input: { current: string; password: string }, kdf?: KdfParams): Promise<void> {
  const keyring = readKeyring(keyringPathFor(s.dbPath));
  await unwrapKey(keyring, s.user.username, input.current);
  await writeSlot(s, s.user, input.password, kdf);
  await appendAudit(s.db, { userId: s.user.id, username: s.user.username, action: 'user.changePassword', entity: 'users', entityId: s.user.id });
  await rotateDatabaseKey(s, 'user.changePassword');
}
