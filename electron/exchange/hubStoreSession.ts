import type { Kysely } from 'kysely';
import type { AppContext } from '../app/appContext';
import type { UnlockedDatabase } from '../app/database';
import { configuredHubStore, openHubPostgres } from './hubConnection';
import type { HubDatabase } from './hubStore';

// The hub's PostgreSQL store for the screens: opened at the first call that needs it after an unlock,
// kept for the session (PostgreSQL embedded in the process takes seconds to start), closed when the
// database locks or the hub is set to another store.

interface Open {
  address: string;
  db: Promise<Kysely<HubDatabase>>;
}

const sessions = new WeakMap<UnlockedDatabase, Open>();

async function close(unlocked: UnlockedDatabase): Promise<void> {
  const open = sessions.get(unlocked);
  sessions.delete(unlocked);
  if (open) await (await open.db.catch(() => null))?.destroy();
}

/** The store the hub's statistics are in when that is PostgreSQL; null: the hub's own SQLite file (or not a hub). */
export async function hubPostgresFor(app: AppContext): Promise<Kysely<HubDatabase> | null> {
  const unlocked = app.requireUnlocked();
  const address = await configuredHubStore(unlocked);
  if (!address) return null;
  return useAddress(app, unlocked, address);
}

/** Opens `address` for this session in place of whatever was open (a store just chosen in Settings). */
export async function useAddress(app: AppContext, unlocked: UnlockedDatabase, address: string): Promise<Kysely<HubDatabase>> {
  let open = sessions.get(unlocked);
  if (open?.address !== address) {
    await close(unlocked);
    open = { address, db: openHubPostgres(address) };
    sessions.set(unlocked, open);
    app.closeWhenLocked(() => close(unlocked));
  }
  try {
    return await open.db;
  } catch (error) {
    // Not kept: the next call tries again (the server may be back).
    if (sessions.get(unlocked) === open) sessions.delete(unlocked);
    throw error;
  }
}

/** The hub went back to its SQLite file: the PostgreSQL connection is closed. */
export async function closeHubPostgres(unlocked: UnlockedDatabase): Promise<void> {
  await close(unlocked);
}
