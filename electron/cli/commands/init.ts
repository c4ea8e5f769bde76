import { resolve } from 'node:path';
import { createDatabase } from '../../app/database';
import { stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { readPassphrase } from '../passphrase';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create a new encrypted database and its administrator',
  usage: 'init --db FILE [--user NAME] [--name "Installation name"] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const dbPath = resolve(stringOption(args, 'db'));
    const username = stringOption(args, 'user', 'admin');
    const passphrase = await readPassphrase(args);
    if (passphrase.length < 10) throw new UsageError('The passphrase must have at least 10 characters');
    const db = await createDatabase({
      dbPath,
      username,
      displayName: stringOption(args, 'display-name', username),
      passphrase,
      installationName: stringOption(args, 'name', 'Legal Aid Desk'),
    });
    await db.close();
    out(`Created encrypted database ${dbPath} (administrator: ${username}).`);
    out(`The key file ${dbPath}.keys.json must stay beside it; back up both together.`);
    return 0;
  },
};
