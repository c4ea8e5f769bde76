import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool } from 'pg';
import { describeHubPostgres, migrateHubPostgres } from './hubPostgres';
import type { HubDatabase } from './hubStore';

// Where the hub's PostgreSQL store is: `postgres://user@host/db` for a server (several analysts on one
// database), or `pglite:DIR` for PostgreSQL embedded in the process with its data in DIR (one computer,
// or trying it out). The schema is created when missing.

export async function openHubPostgres(url: string, hub: { id: string; name: string }): Promise<Kysely<HubDatabase>> {
  let db: Kysely<HubDatabase>;
  if (url.startsWith('pglite:')) {
    db = new Kysely<HubDatabase>({ dialect: new PGliteDialect(new PGlite(url.slice('pglite:'.length))) });
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 4 }) }) });
  } else {
    throw new Error('The PostgreSQL address must start with postgres:// or pglite:');
  }
  await migrateHubPostgres(db);
  await describeHubPostgres(db, hub.id, hub.name);
  return db;
}
