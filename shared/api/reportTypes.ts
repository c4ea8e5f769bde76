// Types of the reports and import channels. The indicator report's own shapes are domain
// (shared/domain/indicatorReport.ts) and re-exported here for the API.

export type {
  ReportFilters,
  ReportQuery,
  Count,
  BreakdownDimension,
  BreakdownKey,
  Breakdown,
  IndicatorReport,
  RawIndicatorReport,
  DrilldownTarget,
  DrilldownRow,
  DrilldownResult,
} from '../domain/indicatorReport';

export type ExportFormat = 'pdf' | 'xlsx' | 'csv';

export type ImportKind = 'contact-points' | 'mobile-sessions' | 'consultations';

export interface ImportError {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  /** English reason (CLI); `key` + `params` for the screen. */
  reason: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  /** Rows that would add something new. */
  toAdd: number;
  /** Rows already in the database (same code / same consultation): added nothing. */
  alreadyPresent: number;
  /** New clients (consultations only). */
  newClients: number;
  errors: ImportError[];
  committed: boolean;
}
