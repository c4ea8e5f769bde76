import { resolve } from 'node:path';
import { createDatabase, databaseExists } from '../../app/database';
import { seedDemo } from '../../seed/demo';
import { UsageError, flag, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { readPassphrase } from '../passphrase';

// `seed --db FILE --demo` (or `--size demo`): fills a database with the demo data set; creates the
// database first (administrator "admin") when there is none.

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'fill a database with the demo data set (a case of every filing type); creates the database if needed',
  usage: 'seed --db FILE --demo | --size demo [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const size = flag(args, 'demo') ? 'demo' : stringOption(args, 'size', '');
    if (size !== 'demo') throw new UsageError('Say which data set: --demo (or --size demo)');
    const dbPath = resolve(stringOption(args, 'db'));
    let db;
    if (databaseExists(dbPath)) db = await openForCli(args);
    else {
      const passphrase = await readPassphrase(args);
      if (passphrase.length < 10) throw new UsageError('The passphrase must have at least 10 characters');
      const username = stringOption(args, 'user', 'admin');
      db = await createDatabase({ dbPath, username, displayName: username, passphrase, installationName: 'Legal Aid Desk (demo)' });
      out(`Created encrypted database ${dbPath} (administrator: ${username}).`);
    }
    try {
      const result = await seedDemo(db);
      out(`Seeded the demo data: ${result.clientIds.length} clients, ${result.caseIds.length} cases, 1 mobile session.`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
