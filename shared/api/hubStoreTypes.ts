import { z } from 'zod';
import { visibleText } from './validation';

// Where a hub keeps the statistics it receives: its own encrypted SQLite file, or a PostgreSQL database
// several analysts share (`postgres://…`), or PostgreSQL embedded in the app with its data in a folder
// (`pglite:/absolute/folder`, one computer or trying it out). The address may hold a password: it is
// kept in the hub's encrypted database and never shown again — the screen gets it with the password
// masked.

export type HubStoreKind = 'sqlite' | 'postgres';

export interface HubStoreInfo {
  /** Only a hub has a store to choose. */
  isHub: boolean;
  store: HubStoreKind;
  /** The PostgreSQL address with its password masked; null on SQLite. */
  address: string | null;
  /** The version of the PostgreSQL store's schema (its migration table); null on SQLite. */
  schemaVersion: number | null;
  /** False when the PostgreSQL store named could not be reached just now. */
  reachable: boolean;
}

/** postgres://user[:password]@host[:port]/database[?sslmode=…], postgresql://…, or pglite:/absolute/folder. */
export function isHubStoreAddress(address: string): boolean {
  if (/^pglite:\//.test(address)) return address.length > 'pglite:/'.length;
  if (!/^postgres(ql)?:\/\//.test(address)) return false;
  try {
    const url = new URL(address);
    return url.hostname !== '' || url.searchParams.has('host');
  } catch {
    return false;
  }
}

const MASK = '*****';

/** The address as it may be shown or written to a report of what was set: without its password. */
export function maskHubStoreAddress(address: string): string {
  if (!/^postgres(ql)?:\/\//.test(address)) return address;
  try {
    const url = new URL(address);
    if (url.password) url.password = MASK;
    for (const key of ['password', 'sslpassword']) if (url.searchParams.has(key)) url.searchParams.set(key, MASK);
    return url.toString();
  } catch {
    return MASK;
  }
}

export const hubStoreSaveInput = z.discriminatedUnion('store', [
  z.object({ store: z.literal('sqlite') }).strict(),
  z
    .object({
      store: z.literal('postgres'),
      address: visibleText(z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(2000, { message: 'tooLong' })).refine(isHubStoreAddress, {
        message: 'invalid',
      }),
    })
    .strict(),
]);
export type HubStoreSaveInput = z.input<typeof hubStoreSaveInput>;
