import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportKind } from '../../../shared/api/reportTypes';
import { importRegister } from '../../import/registers';
import { UsageError, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

const KINDS: ImportKind[] = ['contact-points', 'mobile-sessions', 'consultations'];

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import an existing register (CSV or XLSX); any bad row: nothing is imported, every problem listed',
  usage: 'import --db FILE --kind contact-points|mobile-sessions|consultations FILE.csv|FILE.xlsx [--dry-run] [--user NAME]',
  async run(args: ParsedArgs, out) {
    const kind = stringOption(args, 'kind') as ImportKind;
    if (!KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    // `--dry-run FILE` reads as an option with a value; the file is still the positional argument.
    const dry = args.options.get('dry-run');
    const positional = typeof dry === 'string' ? [...args.positional, dry] : args.positional;
    if (positional.length !== 1) throw new UsageError('Name exactly one register file');
    const bytes = readFileSync(resolve(positional[0]!));
    const unlocked = await openForCli(args, { channel: dry === undefined ? 'import:commit' : 'import:preview' });
    try {
      const summary = await importRegister(unlocked, kind, bytes, dry === undefined);
      if (summary.errors.length) {
        process.stderr.write(`${positional[0]}: ${summary.errors.length} problem(s); nothing was imported.\n`);
        for (const e of summary.errors) process.stderr.write(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason}${e.params?.other ? ` (see row ${e.params.other})` : ''}\n`);
        return 1;
      }
      const verb = summary.committed ? 'imported' : 'would import (dry run)';
      out(`${summary.rows} rows: ${verb} ${summary.toAdd}, already present ${summary.alreadyPresent}${kind === 'consultations' ? `, new clients ${summary.newClients}` : ''}.`);
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
