import { resolve } from 'node:path';
import { createDatabase, databaseExists } from '../../app/database';
import { seedDemo } from '../../seed/demo';
import { makeFilingSamples } from '../../seed/filingSamples';
import { NATIONAL_SIZES, seedNational, seedNumber } from '../../seed/national';
import { UsageError, flag, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { readPassphrase } from '../passphrase';

// `seed --db FILE --size demo|national-1y|national-5y [--seed N] [--no-change-log]` (`--demo` is short
// for `--size demo`): fills a database with the demo data set or a national-scale synthetic one;
// creates the database first (administrator "admin") when there is none. Same --seed, same data.

const SIZES = ['demo', ...Object.keys(NATIONAL_SIZES)] as const;

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'fill a database with the demo data set or a national-scale synthetic one; creates the database if needed',
  usage: 'seed --db FILE --demo | --size demo|national-1y|national-5y [--seed N] [--no-change-log] [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const size = flag(args, 'demo') ? 'demo' : stringOption(args, 'size', '');
    if (!(SIZES as readonly string[]).includes(size)) throw new UsageError(`Say which data set: --demo or --size ${SIZES.join('|')}`);
    const seed = seedNumber(stringOption(args, 'seed', '1'));
    const dbPath = resolve(stringOption(args, 'db'));
    let db;
    if (databaseExists(dbPath)) db = await openForCli(args, { permission: 'settings:manage', command: 'seed' });
    else {
      const passphrase = await readPassphrase(args);
      if (passphrase.length < 10) throw new UsageError('The passphrase must have at least 10 characters');
      const username = stringOption(args, 'user', 'admin');
      db = await createDatabase({ dbPath, username, displayName: username, passphrase, installationName: size === 'demo' ? 'Legal Aid Desk (demo)' : `Legal Aid Desk (${size})` });
      out(`Created encrypted database ${dbPath} (administrator: ${username}).`);
    }
    try {
      if (size === 'demo') {
        const result = await seedDemo(db);
        out(`Seeded the demo data: ${result.clientIds.length} clients, ${result.caseIds.length} cases, 1 mobile session.`);
        return 0;
      }
      const spec = NATIONAL_SIZES[size as keyof typeof NATIONAL_SIZES];
      const samples = await makeFilingSamples();
      const result = await seedNational(db, spec, { seed, changeLog: !flag(args, 'no-change-log'), samples, progress: (m) => process.stderr.write(`${m}\n`) });
      const c = result.counts;
      out(
        `Seeded ${size} (seed ${seed}) in ${Math.round(result.seconds)} s: ${c.contactPoints} contact points, ${c.sessions} mobile sessions, ${c.clients} clients, ` +
          `${c.consultations} consultations, ${c.cases} cases, ${c.documents} documents, ${result.changes} change messages (plus the demo data set).`,
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
