import { UsageError, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// `cases --db FILE --format json|text`: the cases of the database (id, type, client name, status).

export const casesCommand: CliCommand = {
  name: 'cases',
  summary: 'list the cases: id, type, client name, status',
  usage: 'cases --db FILE [--format json|text] [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const format = stringOption(args, 'format', 'text');
    if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
    const db = await openForCli(args);
    try {
      const rows = await db.db
        .selectFrom('cases')
        .innerJoin('clients', 'clients.id', 'cases.client_id')
        .select(['cases.id', 'cases.number', 'cases.case_type', 'cases.status', 'clients.surname', 'clients.given_name', 'clients.patronymic'])
        .where('cases.deleted_at', 'is', null)
        .orderBy('cases.opened_on')
        .orderBy('cases.number')
        .execute();
      const cases = rows.map((r) => ({
        id: r.id,
        number: r.number,
        type: r.case_type,
        clientName: [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' '),
        status: r.status,
      }));
      if (format === 'json') out(JSON.stringify(cases, null, 2));
      else for (const c of cases) out(`${c.id}  ${c.number.padEnd(14)} ${c.type.padEnd(20)} ${c.status.padEnd(12)} ${c.clientName}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
