import { drilldown } from '../../db/queries/indicatorDrilldown';
import { computeIndicators } from '../../db/queries/indicators';
import { auditHead } from '../../db/queries/audit';
import type { BreakdownDimension, DrilldownTarget, IndicatorReport, ReportQuery } from '../../shared/api/reportTypes';
import { suppressSmallCells } from '../../shared/domain/suppression';
import { APP_VERSION } from '../app/version';
import type { AppContext } from '../app/appContext';
import { recordAudit } from '../app/dbJobs';
import { asEngineDb } from '../exchange/hubPostgres';
import { hubPostgresFor } from '../exchange/hubStoreSession';
import { importRegister } from '../import/registers';
import { renderReportFile } from '../app/renderJobs';
import type { HandlerMap } from './types';

// Reports: one engine (db/queries/indicators.ts) behind the screen, the exports and the CLI.
// Exports are outputs meant to leave the contact point, so their default is to suppress small cells;
// every export and import is audited (ids and counts only).

type Channels = 'reports:indicators' | 'reports:drilldown' | 'reports:export' | 'import:preview' | 'import:commit';

function queryOf(input: ReportQuery): ReportQuery {
  return { from: input.from, to: input.to, region: input.region, districtId: input.districtId, contactPointCode: input.contactPointCode };
}

async function report(app: AppContext, input: ReportQuery & { suppressSmall: boolean; threshold: number }): Promise<IndicatorReport> {
  const unlocked = app.requireUnlocked();
  // A hub whose statistics are in PostgreSQL (Settings) is reported from there, by the same engine.
  const pg = await hubPostgresFor(app);
  const raw = await computeIndicators(pg ? asEngineDb(pg) : unlocked.db, queryOf(input));
  raw.generated.appVersion = APP_VERSION;
  // The audit trail stays this installation's own, whichever store the facts are in.
  raw.generated.auditHead ??= await auditHead(unlocked.db);
  return input.suppressSmall ? suppressSmallCells(raw, input.threshold) : raw;
}

export const reportHandlers: HandlerMap<Channels> = {
  'reports:indicators': async (input, { app }) => report(app, input),

  'reports:drilldown': async (input, { app }) => {
    const pg = await hubPostgresFor(app);
    // Audited by the dispatcher, like every channel that returns records; only roles that may read
    // personal data get here (the contract), so the rows carry names (empty on a hub: its women are pseudonyms).
    return drilldown(
      pg ? asEngineDb(pg) : app.requireUnlocked().db,
      { ...queryOf(input), target: input.target as DrilldownTarget, dimension: input.dimension as BreakdownDimension | null, key: input.key, limit: input.limit },
      true,
    );
  },

  'reports:export': async (input, { app }) => {
    const r = await report(app, input);
    const unlocked = app.requireUnlocked();
    const file = await renderReportFile(r, input.format, input.language);
    await recordAudit(unlocked, {
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
