import { sql } from 'kysely';
import { migrationState } from '../../../db/migrate';
import { verifyAuditChain } from '../../../db/queries/audit';
import type { ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the database: integrity, foreign keys, migrations, audit chain',
  usage: 'verify --db FILE [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const db = await openForCli(args);
    try {
      const problems: string[] = [];
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db.db);
      const integrityOk = integrity.rows.length === 1 && integrity.rows[0]?.integrity_check === 'ok';
      if (!integrityOk) problems.push(`integrity check failed (${integrity.rows.length} problems)`);
      out(`integrity:    ${integrityOk ? 'ok' : 'FAILED'}`);

      const fk = await sql`PRAGMA foreign_key_check`.execute(db.db);
      if (fk.rows.length) problems.push(`${fk.rows.length} rows point to missing records`);
      out(`foreign keys: ${fk.rows.length === 0 ? 'ok' : `${fk.rows.length} broken references`}`);

      const m = await migrationState(db.db);
      const migOk = m.current === m.latest;
      if (!migOk) problems.push(`schema ${m.current}, expected ${m.latest}`);
      out(`migrations:   ${migOk ? `ok (schema ${m.current})` : `schema ${m.current} of ${m.latest}`}`);

      const audit = await verifyAuditChain(db.db);
      if (!audit.ok) problems.push(`audit log altered at or after entry ${audit.brokenAt}`);
      out(`audit chain:  ${audit.ok ? `ok (${audit.entries} entries)` : `BROKEN at entry ${audit.brokenAt}`}`);

      out(problems.length === 0 ? 'Database verified: no problems found.' : `Problems found: ${problems.join('; ')}`);
      return problems.length === 0 ? 0 : 1;
    } finally {
      await db.close();
    }
  },
};
