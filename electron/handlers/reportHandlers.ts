import { drilldown } from '../../db/queries/indicatorDrilldown';
import { computeIndicators } from '../../db/queries/indicators';
import { appendAudit } from '../../db/queries/audit';
import type { BreakdownDimension, DrilldownTarget, IndicatorReport, ReportQuery } from '../../shared/api/reportTypes';
import { suppressSmallCells } from '../../shared/domain/suppression';
import { APP_VERSION } from '../app/version';
import type { UnlockedDatabase } from '../app/database';
import { importRegister } from '../import/registers';
import { exportReport } from '../reports/exportReport';
import type { HandlerMap } from './types';

// Reports: one engine (db/queries/indicators.ts) behind the screen, the exports and the CLI.
// Exports are outputs meant to leave the contact point, so their default is to suppress small cells;
// every export and import is audited (ids and counts only).

type Channels = 'reports:indicators' | 'reports:drilldown' | 'reports:export' | 'import:preview' | 'import:commit';

function queryOf(input: ReportQuery): ReportQuery {
  return { from: input.from, to: input.to, region: input.region, districtId: input.districtId, contactPointCode: input.contactPointCode };
}

async function report(unlocked: UnlockedDatabase, input: ReportQuery & { suppressSmall: boolean; threshold: number }): Promise<IndicatorReport> {
  const raw = await computeIndicators(unlocked.db, queryOf(input));
  raw.generated.appVersion = APP_VERSION;
  return input.suppressSmall ? suppressSmallCells(raw, input.threshold) : raw;
}

export const reportHandlers: HandlerMap<Channels> = {
  'reports:indicators': async (input, { app }) => report(app.requireUnlocked(), input),

  'reports:drilldown': async (input, { app }) => {
    const unlocked = app.requireUnlocked();
    // Audited by the dispatcher, like every channel that returns records; only roles that may read
    // personal data get here (the contract), so the rows carry names.
    return drilldown(
      unlocked.db,
      { ...queryOf(input), target: input.target as DrilldownTarget, dimension: input.dimension as BreakdownDimension | null, key: input.key, limit: input.limit },
      true,
    );
  },

  'reports:export': async (input, { app }) => {
    const unlocked = app.requireUnlocked();
    const r = await report(unlocked, input);
    const file = await exportReport(r, { format: input.format, language: input.language });
    await appendAudit(unlocked.db, {
      userId: unlocked.user.id,
      username: unlocked.user.username,
      action: 'reports.export',
      entity: 'report',
      detail: { format: input.format, from: input.from, to: input.to, suppressed: r.suppression.applied },
    });
    return app.files.deliver(file);
  },

  'import:preview': async (input, { app }) => importRegister(app.requireUnlocked(), input.kind, await app.files.bytes(input.file, 'register'), false),
  'import:commit': async (input, { app }) => importRegister(app.requireUnlocked(), input.kind, await app.files.bytes(input.file, 'register'), true),
};
