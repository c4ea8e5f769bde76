import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export const META_KEYS = {
  installationId: 'installation.id',
  installationName: 'installation.name',
  installationRole: 'installation.role',
  contactPointId: 'installation.contact_point_id',
  /** A contact point named by its code before it is in the database (set up from the command line). */
  contactPointCode: 'installation.contact_point_code',
  databaseId: 'database.id',
  /** Set once the key file's first-format slots were bound to their users (db/keyring.ts): unbound ones are refused after it. */
  firstFormatSlotsBound: 'keyring.first_format_bound_at',
} as const;

export async function getMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The newest change stamp this database has seen, to restart the clock after it. */
export async function lastStamp(db: Db): Promise<string | null> {
  const row = await db.selectFrom('change_log').select((eb) => eb.fn.max('hlc').as('hlc')).executeTakeFirst();
  return (row?.hlc as string | null | undefined) ?? null;
}
