import { translate } from '../../shared/i18n';
import { AppError } from '../../shared/api/errors';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './command';
import { attachCommand } from './commands/attach';
import { backupCommand, restoreCommand } from './commands/backup';
import { rekeyCommand } from './commands/rekey';
import { calendarCommand } from './commands/calendar';
import { casesCommand } from './commands/cases';
import { conflictsCommand, exportPackageCommand, importPackageCommand, pairCommand, unpairCommand } from './commands/exchange';
import { filingCommand } from './commands/filing';
import { initCommand, installationCommand } from './commands/init';
import { networkSecretCommand } from './commands/networkSecret';
import { applyUpdateCommand, signUpdateCommand, updateKeygenCommand } from './commands/updates';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { seedCommand } from './commands/seed';
import { verifyCommand } from './commands/verify';

// The commands of `npm run cli` (main.ts) and what runs one: plain Node, no Electron. One --help lists
// every command. This runs in the command line's worker thread (cliThread.ts); tests call it directly.
const COMMANDS: CliCommand[] = [initCommand, installationCommand, verifyCommand, backupCommand, restoreCommand, rekeyCommand, reportCommand, importCommand, casesCommand, calendarCommand, filingCommand, attachCommand, seedCommand, pairCommand, unpairCommand, exportPackageCommand, importPackageCommand, conflictsCommand, networkSecretCommand, updateKeygenCommand, signUpdateCommand, applyUpdateCommand];

function help(): string {
  const lines = [
    'Legal Aid Desk command line',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'The passphrase is read from the environment variable named by --passphrase-env',
    '(default LEGAL_AID_PASSPHRASE) or asked on the terminal; never give it on the command line.',
    '--user NAME says whose passphrase it is (default: the administrator created by init); the command',
    "is done as that user: the same permissions of the user's role as on the screens, and the same audit.",
  ];
  return lines.join('\n');
}

export async function runCli(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command || args.command === 'help' || args.options.has('help')) {
    const cmd = COMMANDS.find((c) => c.name === args.command);
    out(cmd ? `Usage: npm run cli -- ${cmd.usage}\n  ${cmd.summary}` : help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === args.command);
  if (!command) {
    process.stderr.write(`Unknown command "${args.command}".\n\n${help()}\n`);
    return 2;
  }
  try {
    return await command.run(args, out);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    // A refused package (here, or from the job worker that applied it) names its reason in params.
    const reason = error instanceof AppError && error.code === 'PACKAGE_REFUSED' ? error.params?.reason : undefined;
    if (error instanceof AppError && typeof reason === 'string') {
      // The reason in words, as the Exchange screen shows it (the command line speaks English).
      process.stderr.write(`Error (${error.code}): ${translate('en', `exchange.refused.${reason}`, error.params ?? {})} [${reason}]\n`);
      return 1;
    }
    if (error instanceof AppError) {
      process.stderr.write(`Error (${error.code}): ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Unexpected error: ${(error as Error)?.name ?? 'Error'}\n`);
    return 1;
  }
}
