import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDirFor } from '../../../db/backup';
import { throttlePathFor, UnlockThrottle } from '../../app/unlockThrottle';
import { makeBackup, restoreFrom } from '../../services/backups';
import { stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { readPassphrase } from '../passphrase';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'make an encrypted backup of the database (with its key file) while it may be in use',
  usage: 'backup --db FILE [--out DIR] [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const s = await openForCli(args, { channel: 'backups:create' });
    try {
      const dir = resolve(stringOption(args, 'out', backupDirFor(s.dbPath)));
      const b = await makeBackup(s, dir);
      out(`Backup written: ${b.file} (${b.sizeBytes} bytes) and ${b.file}.keys.json`);
      if (b.auditHead) out(`Audit head in the backup: entry ${b.auditHead.seq}, ${b.auditHead.hash}`);
      return 0;
    } finally {
      await s.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary:
    'replace the database by a backup after checking the backup’s integrity (the old one is kept); a backup made before a key rotation asks for the passphrase of an administrator in it',
  usage: 'restore --db FILE --from BACKUP.db [--user NAME] [--passphrase-env VAR] [--backup-user NAME] [--backup-passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const from = resolve(stringOption(args, 'from'));
    if (!existsSync(from)) throw new UsageError(`No backup at ${from}`);
    // Unlocking proves the passphrase and gives the key; the database is closed before the swap.
    const s = await openForCli(args, { channel: 'backups:restore' });
    let open = true;
    const close = async () => {
      if (open) await s.close();
      open = false;
    };
    try {
      const r = await restoreFrom(s, from, close, {
        credentials: async () => ({
          username: stringOption(args, 'backup-user', s.user.username),
          passphrase: await readPassphrase(args, 'This backup was made under an earlier key. Passphrase of an administrator in the backup: ', 'backup-passphrase-env', 'LEGAL_AID_BACKUP_PASSPHRASE'),
        }),
        throttle: (user, attempt) => new UnlockThrottle(throttlePathFor(s.dbPath)).attempt(user, attempt),
      });
      out(`Restored ${s.dbPath} from ${from}.`);
      if (r.keptAs) out(`The replaced database was kept as ${join(backupDirFor(s.dbPath), r.keptAs)}.`);
      if (r.usersWithoutSlot.length) {
        out(`Only administrators can sign in to the restored database. These users cannot sign in until an administrator sets a new password for them (Settings → Users → Set a new password): ${r.usersWithoutSlot.join(', ')}`);
      }
      return 0;
    } finally {
      await close();
    }
  },
};
