import type { Kysely, Transaction } from 'kysely';
import { getMeta, setMeta } from '../../db/queries/meta';
import type { Database } from '../../db/schema';
import type { SecuritySettings } from '../../shared/api/securityTypes';

// Settings of this installation (not synced): kept in the encrypted database's meta table.
type Db = Kysely<Database> | Transaction<Database>;

export const DEFAULT_SETTINGS: SecuritySettings = { idleLockMinutes: 15, retentionYears: 5 };

export async function readSettings(db: Db): Promise<SecuritySettings> {
  const idle = Number(await getMeta(db, 'setting.idleLockMinutes'));
  const retention = Number(await getMeta(db, 'setting.retentionYears'));
  return {
    idleLockMinutes: Number.isInteger(idle) && idle > 0 ? idle : DEFAULT_SETTINGS.idleLockMinutes,
    retentionYears: Number.isInteger(retention) && retention > 0 ? retention : DEFAULT_SETTINGS.retentionYears,
  };
}

export async function writeSettings(db: Db, s: SecuritySettings): Promise<void> {
  await setMeta(db, 'setting.idleLockMinutes', String(s.idleLockMinutes));
  await setMeta(db, 'setting.retentionYears', String(s.retentionYears));
}

/**
 * Where a hub keeps its statistics: null for its own SQLite file, else the PostgreSQL address
 * (shared/api/hubStoreTypes.ts). The address may hold a password; it lives only here, in the
 * encrypted database, and is never logged, audited or sent back to the screen.
 */
const HUB_STORE_KEY = 'setting.hubStore';

export async function readHubStoreAddress(db: Db): Promise<string | null> {
  return (await getMeta(db, HUB_STORE_KEY)) || null;
}

export async function writeHubStoreAddress(db: Db, address: string | null): Promise<void> {
  await setMeta(db, HUB_STORE_KEY, address ?? '');
}
