import { AppError } from '../../shared/api/errors';
import { maskHubStoreAddress, type HubStoreInfo } from '../../shared/api/hubStoreTypes';
import type { AppContext } from '../app/appContext';
import { readHubStoreAddress } from '../app/settings';
import { hubPostgresState } from '../exchange/hubPostgresSchema';
import { closeHubPostgres, hubPostgresFor, useAddress } from '../exchange/hubStoreSession';
import { saveHubStoreAddress } from '../services/settings';
import type { HandlerMap } from './types';

// Settings → the hub's store: its own SQLite file, or PostgreSQL. A PostgreSQL address is tried (and the
// store's schema brought up to date) before it is kept, so a hub never points at a store it cannot use.

async function info(app: AppContext): Promise<HubStoreInfo> {
  const unlocked = app.requireUnlocked();
  const isHub = unlocked.installation.role === 'hub';
  const address = isHub ? await readHubStoreAddress(unlocked.db) : null;
  if (!address) return { isHub, store: 'sqlite', address: null, schemaVersion: null, reachable: true };
  const shown = { isHub, store: 'postgres' as const, address: maskHubStoreAddress(address) };
  try {
    const pg = await hubPostgresFor(app);
    return { ...shown, schemaVersion: pg ? (await hubPostgresState(pg)).current : null, reachable: true };
  } catch (error) {
    // The screen still shows which store is named, so it can be changed.
    if (error instanceof AppError && error.code === 'HUB_STORE_UNREACHABLE') return { ...shown, schemaVersion: null, reachable: false };
    throw error;
  }
}

export const hubStoreHandlers: HandlerMap<'hubStore:get' | 'hubStore:save'> = {
  'hubStore:get': async (_input, { app }) => info(app),
  'hubStore:save': async (input, { app }) => {
    const unlocked = app.requireUnlocked();
    if (unlocked.installation.role !== 'hub') throw new AppError('VALIDATION', 'Only a hub keeps statistics in a store of its choice', [{ path: 'store', key: 'invalid' }]);
    if (input.store === 'postgres') {
      try {
        await useAddress(app, unlocked, input.address);
      } catch (error) {
        if (error instanceof AppError && error.code === 'HUB_STORE_UNREACHABLE') {
          throw new AppError(error.code, error.message, [{ path: 'address', key: 'hubStoreUnreachable' }], error.params);
        }
        throw error;
      }
      await saveHubStoreAddress(unlocked, input.address);
    } else {
      await closeHubPostgres(unlocked);
      await saveHubStoreAddress(unlocked, null);
    }
    return info(app);
  },
};
