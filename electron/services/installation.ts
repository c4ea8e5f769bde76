import { contactPointIdByCode, findContactPoint } from '../../db/queries/contactPoints';
import { getMeta, META_KEYS, setMeta } from '../../db/queries/meta';
import { audit, type Db } from '../../db/queries/writeContext';
import type { ExchangeIdentity } from '../../shared/api/exchangeTypes';
import { todayIso } from '../../shared/domain/dates';
import type { InstallationRole } from '../../shared/domain/enums';
import { readIdentity, setRole } from '../exchange/identity';
import { saveContactPoint } from './contactPoints';
import { fieldError } from './fieldPaths';
import { withWrite, type Unlocked } from './index';

// What an installation is to the network: its role (contact point, mobile team, hub) and which contact
// point it is. The Exchange screen and the command line (`init`, `installation`) change them here, under
// the same rules:
// - A hub keeps only the pseudonymous facts contact points send it. An installation that holds records
//   of its own (clients, consultations, cases, mobile sessions) does not become a hub: its records would
//   be counted with the facts, and could no longer be sent anywhere. Make a new database for the hub.
// - A hub that has received statistics does not become a contact point or a mobile team: its facts
//   would then travel in full packages as if they were records.
// - A hub is no contact point: becoming a hub forgets the own contact point, and a hub cannot be given one.

export interface InstallationChange {
  role?: InstallationRole;
  /** The code of the contact point this installation is; null: none. */
  contactPointCode?: string | null;
}

const OWN_RECORD_TABLES = ['clients', 'consultations', 'cases', 'mobile_sessions'] as const;

async function liveRows(db: Db, table: (typeof OWN_RECORD_TABLES)[number]): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function receivedStatistics(db: Db): Promise<number> {
  const row = await db.selectFrom('applied_packages').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'stats').executeTakeFirstOrThrow();
  return Number(row.n);
}

async function checkRoleChange(db: Db, from: InstallationRole, to: InstallationRole): Promise<void> {
  if (from === to) return;
  if (to === 'hub') {
    for (const table of OWN_RECORD_TABLES) {
      if ((await liveRows(db, table)) > 0) throw fieldError(`This installation holds records of its own (${table}); a hub keeps only statistics received from contact points. Make a new database for the hub.`, 'role', 'roleHasRecords');
    }
  } else if (from === 'hub') {
    if ((await receivedStatistics(db)) > 0 || (await liveRows(db, 'clients')) > 0) {
      throw fieldError('This hub holds statistics received from contact points; it cannot become a contact point or a mobile team. Make a new database for that.', 'role', 'roleHasStatistics');
    }
  }
}

/**
 * Changes the role and/or the own contact point, in one transaction with their audit lines. A code that
 * names no contact point yet is kept and used once the contact point is added (by its register or the
 * Contact points screen).
 */
export interface InstallationView extends ExchangeIdentity {
  /** The code of the own contact point, or of the one named at set-up that is not in the database yet. */
  contactPointCode: string | null;
  contactPointPending: boolean;
}

export async function changeInstallation(s: Unlocked, change: InstallationChange): Promise<InstallationView> {
  const role = change.role ?? s.installation.role;
  let contactPointId = s.installation.contactPointId;
  await withWrite(s, async (ctx) => {
    await checkRoleChange(ctx.trx, s.installation.role, role);
    if (role === 'hub' && change.contactPointCode) throw fieldError('A hub is no contact point', 'contactPoint', 'hubHasNoContactPoint');
    if (role !== s.installation.role) await setRole(ctx, role);
    let code = change.contactPointCode;
    if (role === 'hub') code = contactPointId || (await getMeta(ctx.trx, META_KEYS.contactPointCode)) ? null : undefined;
    if (code !== undefined) {
      contactPointId = code ? ((await contactPointIdByCode(ctx.trx, code)) ?? null) : null;
      const pending = !!code && !contactPointId;
      await setMeta(ctx.trx, META_KEYS.contactPointId, contactPointId ?? '');
      await setMeta(ctx.trx, META_KEYS.contactPointCode, pending ? code! : '');
      await audit(ctx, 'installation.contact_point', 'meta', contactPointId, pending ? { code } : undefined);
    }
  });
  s.installation.role = role;
  s.installation.contactPointId = contactPointId;
  const identity = await readIdentity(s.db);
  const code = identity.contactPointId ? ((await findContactPoint(s.db, identity.contactPointId))?.code ?? null) : (await getMeta(s.db, META_KEYS.contactPointCode)) || null;
  return { ...identity, contactPointCode: code, contactPointPending: !identity.contactPointId && code !== null };
}

/** The contact point an installation is, as its first-run screen names it. */
export interface FirstContactPoint {
  code: string;
  name: string;
  districtId: string;
  /** null: today. */
  establishedOn: string | null;
}

/**
 * At first run: creates the contact point this installation is and makes it the installation's own,
 * under the rules above (a hub is given none).
 */
export async function createOwnContactPoint(s: Unlocked, cp: FirstContactPoint, today: string = todayIso()): Promise<InstallationView> {
  if (s.installation.role === 'hub') throw fieldError('A hub is no contact point', 'contactPointCode', 'hubHasNoContactPoint');
  await saveContactPoint(s, { code: cp.code, name: cp.name, districtId: cp.districtId, address: '', organisation: '', establishedOn: cp.establishedOn ?? today, closedOn: null, notes: '' });
  return changeInstallation(s, { contactPointCode: cp.code });
}
