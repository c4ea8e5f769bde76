import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditHead } from '../../../db/queries/audit';
import { computeIndicators } from '../../../db/queries/indicators';
import type { ExportFormat } from '../../../shared/api/reportTypes';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../../shared/domain/indicatorDefinitions';
import { suppressSmallCells } from '../../../shared/domain/suppression';
import { APP_VERSION } from '../../app/version';
import { renderReportFile } from '../../app/renderJobs';
import { flag, stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { openConfiguredHubPostgres, openHubPostgres } from '../../exchange/hubConnection';
import { asEngineDb } from '../../exchange/hubPostgres';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'indicator report 1.2.3, 1.2.4, 1.2.10, 2.2.1.b for a period (JSON, CSV, XLSX or PDF)',
  usage:
    'report --db FILE --from YYYY-MM-DD --to YYYY-MM-DD --format json|csv|xlsx|pdf --out FILE [--region CODE] [--district ID] [--contact-point CODE] [--suppress-small] [--threshold N] [--lang tg|ru|en] [--pg postgres://…|pglite:DIR]',
  async run(args: ParsedArgs, out) {
    const from = stringOption(args, 'from');
    const to = stringOption(args, 'to');
    if (!isValidIsoDate(from) || !isValidIsoDate(to)) throw new UsageError('--from and --to must be dates as YYYY-MM-DD');
    const format = stringOption(args, 'format', 'json');
    if (!['json', 'csv', 'xlsx', 'pdf'].includes(format)) throw new UsageError('--format must be json, csv, xlsx or pdf');
    const language = stringOption(args, 'lang', 'tg');
    if (!['tg', 'ru', 'en'].includes(language)) throw new UsageError('--lang must be tg, ru or en');
    const threshold = Number(stringOption(args, 'threshold', String(DEFAULT_SUPPRESSION_THRESHOLD)));
    if (!Number.isInteger(threshold) || threshold < 2) throw new UsageError('--threshold must be a whole number of at least 2');
    const outPath = resolve(stringOption(args, 'out'));
    const unlocked = await openForCli(args, { channel: 'reports:indicators' });
    // A hub whose statistics live in PostgreSQL: the same engine runs there.
    const pg = args.options.has('pg') ? await openHubPostgres(stringOption(args, 'pg')) : await openConfiguredHubPostgres(unlocked);
    try {
      let report = await computeIndicators(pg ? asEngineDb(pg) : unlocked.db, {
        from,
        to,
        region: args.options.has('region') ? stringOption(args, 'region') : null,
        districtId: args.options.has('district') ? stringOption(args, 'district') : null,
        contactPointCode: args.options.has('contact-point') ? stringOption(args, 'contact-point') : null,
      });
      report.generated.appVersion = APP_VERSION;
      // On a PostgreSQL hub the trail is still this installation's own.
      report.generated.auditHead ??= await auditHead(unlocked.db);
      if (flag(args, 'suppress-small')) report = suppressSmallCells(report, threshold);
      if (format === 'json') writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
      else {
        const file = await renderReportFile(report, format as ExportFormat, language as 'tg' | 'ru' | 'en');
        writeFileSync(outPath, file.bytes);
      }
      out(`Report ${from} – ${to} written to ${outPath}${report.suppression.applied ? ` (small cells suppressed: ${report.suppression.smallCells} + ${report.suppression.complementaryCells} complementary)` : ''}.`);
      return 0;
    } finally {
      await pg?.destroy();
      await unlocked.close();
    }
  },
};
