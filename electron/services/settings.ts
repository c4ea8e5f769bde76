import { audit } from '../../db/queries/writeContext';
import type { SecuritySettings } from '../../shared/api/securityTypes';
import { readSettings, writeHubStoreAddress, writeSettings } from '../app/settings';
import { withWrite, type Unlocked } from './index';

// The installation's settings (idle lock, retention…), saved with an audit line naming what was set.

export async function saveSettings(s: Unlocked, input: SecuritySettings): Promise<SecuritySettings> {
  await withWrite(s, async (ctx) => {
    await writeSettings(ctx.trx, input);
    await audit(ctx, 'settings.save', 'settings', null, { ...input });
  });
  return readSettings(s.db);
}

/** Where the hub keeps its statistics (null: its own SQLite file). */
export async function saveHubStoreAddress(s: Unlocked, address: string | null): Promise<void> {
  await withWrite(s, async (ctx) => {
    await writeHubStoreAddress(ctx.trx, address);
    // The address may hold a password: the trail says only which kind of store was chosen.
    await audit(ctx, 'settings.hubStore', 'settings', null, { store: address ? 'postgres' : 'sqlite' });
  });
}
