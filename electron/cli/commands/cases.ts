import { appendReadAudit } from '../../handlers/dispatch';
import { allCases } from '../../services/cases';
import { UsageError, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// `cases --db FILE --format json|text`: the cases of the database (id, type, client name, status),
// read through the same case service as the screens' case list, and audited as that list's read.

export const casesCommand: CliCommand = {
  name: 'cases',
  summary: 'list the cases: id, type, client name, status',
  usage: 'cases --db FILE [--format json|text] [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const format = stringOption(args, 'format', 'text');
    if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
    const unlocked = await openForCli(args, { channel: 'cases:list' });
    try {
      const cases = await allCases(unlocked);
      await appendReadAudit(unlocked, 'cases:list', {}, cases.length);
      if (format === 'json') out(JSON.stringify(cases, null, 2));
      else for (const c of cases) out(`${c.id}  ${c.number.padEnd(14)} ${c.type.padEnd(20)} ${c.status.padEnd(12)} ${c.clientName}`);
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
