import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userIdByUsername } from '../../../db/queries/calendar';
import { calendarExportInput } from '../../../shared/api/calendarInputs';
import { hearingsIcs } from '../../services/calendar';
import { UsageError, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// `calendar --db FILE [--user NAME] [--lawyer NAME] --from DATE --to DATE --out FILE.ics [--lang tg|ru|en]`:
// a lawyer's hearings of the period as an iCalendar file (the screen's export): --lawyer's, or the
// signed-in user's own. Each event names the case's number and type and the court, never a person.

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'write a lawyer\'s hearings of a period as an .ics file (case number, type and court; no names)',
  usage: 'calendar --db FILE [--user NAME] [--lawyer NAME] --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.ics [--lang tg|ru|en]',
  async run(args: ParsedArgs, out) {
    const parsed = calendarExportInput.safeParse({ from: stringOption(args, 'from'), to: stringOption(args, 'to'), language: stringOption(args, 'lang', 'tg') });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    const outPath = resolve(stringOption(args, 'out'));
    const lawyer = args.options.get('lawyer');
    if (lawyer === true) throw new UsageError('--lawyer needs a value');
    const db = await openForCli(args, { channel: 'calendar:export' });
    try {
      let lawyerUserId: string | null = null;
      if (lawyer !== undefined) {
        lawyerUserId = (await userIdByUsername(db.db, lawyer)) ?? null;
        if (!lawyerUserId) throw new UsageError(`No user "${lawyer}"`);
      }
      const file = await hearingsIcs(db, { ...parsed.data, lawyerUserId });
      writeFileSync(outPath, file.bytes);
      out(`Wrote ${outPath} (${file.events} hearings).`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
