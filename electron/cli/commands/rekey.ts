import { rotateDatabaseKey } from '../../app/keyRotation';
import type { KeyRotationPhase } from '../../../shared/api/securityTypes';
import type { ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

const PHASE_TEXT: Record<KeyRotationPhase, string> = {
  backup: 'backup under the old key',
  rekey: 're-encrypting the database under the new key',
  check: 'integrity check under the new key',
  keyFile: 'key file for the new key',
  done: 'done',
};

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'give the database a new key, sealed for the active users only (a backup is made first)',
  usage: 'rekey --db FILE [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    // The same gate as the screen's "rotate the database key".
    const s = await openForCli(args, { channel: 'security:rotateKey' });
    try {
      // The phases on standard error (the output stays the summary), the backup's copy in steps of ten percent.
      let last: { phase: string; percent: number } | null = null;
      const r = await rotateDatabaseKey(s, 'administrator', (step) => {
        if (last && last.phase === step.phase && step.percent < last.percent + 10) return;
        last = step;
        process.stderr.write(`[${String(step.percent).padStart(3)}%] ${PHASE_TEXT[step.phase]}\n`);
      });
      out(`The database has a new key. The backup made before it: ${r.backup}`);
      if (r.usersWithoutSlot.length) out(`These users need a new password from an administrator: ${r.usersWithoutSlot.join(', ')}`);
      return 0;
    } finally {
      await s.close();
    }
  },
};
