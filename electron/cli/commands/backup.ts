import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDirFor, backupsOfDatabase } from '../../../db/backup';
import { makeBackup, restoreFrom } from '../../services/backups';
import { stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

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
  summary: 'replace the database by a backup after checking the backup’s integrity (the old one is kept)',
  usage: 'restore --db FILE --from BACKUP.db [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const from = resolve(stringOption(args, 'from'));
    if (!existsSync(from)) throw new UsageError(`No backup at ${from}`);
    // Unlocking proves the passphrase and gives the key; the database is closed before the swap.
    const s = await openForCli(args, { channel: 'backups:restore' });
    await restoreFrom(s, from, () => s.close());
    const kept = backupsOfDatabase(s.dbPath).find((b) => b.reason === 'pre-restore');
    out(`Restored ${s.dbPath} from ${from}.`);
    if (kept) out(`The replaced database was kept as ${kept.file}.`);
    return 0;
  },
};
