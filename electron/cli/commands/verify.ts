import { appendAudit } from '../../../db/queries/audit';
import { rebuildAllFacts } from '../../../db/queries/reportFactsUpkeep';
import { verifyDatabase } from '../../../db/verify';
import { flag, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "check the database: integrity, foreign keys, migrations, audit chain, the report's facts",
  usage: 'verify --db FILE [--user NAME] [--passphrase-env VAR] [--rebuild-report-facts]',
  async run(args: ParsedArgs, out) {
    const db = await openForCli(args, { permission: flag(args, 'rebuild-report-facts') ? 'settings:manage' : 'audit:read', command: 'verify' });
    try {
      if (flag(args, 'rebuild-report-facts')) {
        await db.db.transaction().execute(async (trx) => {
          await rebuildAllFacts(trx);
          await appendAudit(trx, { userId: db.user.id, username: db.user.username, action: 'report.rebuildFacts', entity: 'database' });
        });
        out("The report's facts were built again from the consultations.");
      }
      const r = await verifyDatabase(db.db);
      const facts = r.reportFacts;
      out(`integrity:    ${r.integrityOk ? 'ok' : 'FAILED'}`);
      out(`foreign keys: ${r.brokenReferences === 0 ? 'ok' : `${r.brokenReferences} broken references`}`);
      out(`migrations:   ${r.schema.current === r.schema.latest ? `ok (schema ${r.schema.current})` : `schema ${r.schema.current} of ${r.schema.latest}`}`);
      out(`audit chain:  ${r.audit.ok ? `ok (${r.audit.entries} entries)` : `BROKEN at entry ${r.audit.brokenAt}`}`);
      out(
        `report facts: ${
          facts.missing + facts.stale + facts.extra === 0
            ? 'ok (they agree with the consultations)'
            : `${facts.missing} missing, ${facts.stale} out of date, ${facts.extra} left over: the indicator report would be wrong; run verify again with --rebuild-report-facts`
        }`,
      );
      out(r.ok ? 'Database verified: no problems found.' : 'Problems found: see the lines above.');
      return r.ok ? 0 : 1;
    } finally {
      await db.close();
    }
  },
};
