import { verifyDatabase } from '../../../db/verify';
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
      const r = await verifyDatabase(db.db);
      out(`integrity:    ${r.integrityOk ? 'ok' : 'FAILED'}`);
      out(`foreign keys: ${r.brokenReferences === 0 ? 'ok' : `${r.brokenReferences} broken references`}`);
      out(`migrations:   ${r.schema.current === r.schema.latest ? `ok (schema ${r.schema.current})` : `schema ${r.schema.current} of ${r.schema.latest}`}`);
      out(`audit chain:  ${r.audit.ok ? `ok (${r.audit.entries} entries)` : `BROKEN at entry ${r.audit.brokenAt}`}`);
      out(r.ok ? 'Database verified: no problems found.' : 'Problems found: see the lines above.');
      return r.ok ? 0 : 1;
    } finally {
      await db.close();
    }
  },
};
