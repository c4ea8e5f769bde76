import { rotateDatabaseKey } from '../../app/keyRotation';
import type { ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'give the database a new key, sealed for the active users only (a backup is made first)',
  usage: 'rekey --db FILE [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    // The same gate as the screen's "rotate the database key".
    const s = await openForCli(args, { channel: 'security:rotateKey' });
    try {
      const r = await rotateDatabaseKey(s, 'administrator');
      out(`The database has a new key. The backup made before it: ${r.backup}`);
      if (r.usersWithoutSlot.length) out(`These users need a new password from an administrator: ${r.usersWithoutSlot.join(', ')}`);
      return 0;
    } finally {
      await s.close();
    }
  },
};
