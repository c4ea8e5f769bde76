import type { VenueKind } from './enums';
import type { BreakdownDimension as DeclaredDimension } from './indicatorDimensions';

// The shapes of the indicator report: what the engine (db/queries/indicators.ts) returns, what the CLI
// writes as JSON, what the screen shows and the exports lay out. Pure types; no runtime code. They are
// domain, not transport: the engine reads them here, and the API re-exports them (shared/api/reportTypes.ts).

export interface ReportFilters {
  /** Region code (TJ-SU…): where the help was given. */
  region?: string | null;
  /** District id (su-khujand…): where the help was given. */
  districtId?: string | null;
  /** Contact point code. */
  contactPointCode?: string | null;
}

export interface ReportQuery extends ReportFilters {
  from: string;
  to: string;
}

/** A count, or (in suppressed outputs) "<5" for a small cell and "x" for a cell hidden so the small one cannot be recovered. */
export type Count = number | string;

/** A breakdown's dimension: shared/domain/indicatorDimensions.ts declares each. */
export type BreakdownDimension = DeclaredDimension;

/** Keyed `"1.2.3.womenFromMigrantHouseholds"` etc.; each holds dimension → key → count. */
export type BreakdownKey =
  | '1.2.3.womenFromMigrantHouseholds'
  | '1.2.3.consultations'
  | '1.2.4.womenFromMigrantHouseholds'
  | '1.2.4.abandonedWomen'
  | '1.2.4.consultations'
  | '1.2.10.consultations';

/** The headline numbers (shared/domain/reportTrends.ts lists them in order and says where each stands). */
export type HeadlineKey =
  | 'contactPointsOperating'
  | 'contactPointsEstablishedInPeriod'
  | 'women123'
  | 'abandoned123'
  | 'consultations123'
  | 'sessions124'
  | 'women124'
  | 'abandoned124'
  | 'consultations124'
  | 'consultations1210'
  | 'alimonyClosed'
  | 'alimonyResolved';

export type Headline = Record<HeadlineKey, Count>;

/** The headline numbers of one calendar month of the period, counted as a report of its days inside the period would count them. */
export interface MonthOfSeries {
  /** YYYY-MM */
  month: string;
  from: string;
  to: string;
  values: Headline;
}

export type Breakdown = Partial<Record<BreakdownDimension, Record<string, Count>>>;

export interface IndicatorReport {
  definitionsVersion: string;
  period: { from: string; to: string };
  filters: { region: string | null; districtId: string | null; contactPointCode: string | null };
  indicators: {
    '1.2.3': {
      contactPointsOperating: Count;
      contactPointsEstablishedInPeriod: Count;
      womenFromMigrantHouseholds: Count;
      abandonedWomen: Count;
      consultations: Count;
    };
    '1.2.4': {
      mobileSessionsConducted: Count;
      womenFromMigrantHouseholds: Count;
      abandonedWomen: Count;
      consultations: Count;
    };
    '1.2.10': {
      consultations: Count;
      byVenue: Record<VenueKind, Count>;
      byKind: Record<string, Count>;
      byVenueAndKind: Record<string, Count>;
    };
    '2.2.1.b': {
      alimonyCasesClosed: Count;
      resolvedSuccessfully: Count;
      byOutcome: Record<string, Count>;
    };
  };
  breakdowns: Record<BreakdownKey, Breakdown>;
  /** The headline numbers month by month: every calendar month the period touches, in order. */
  series: MonthOfSeries[];
  /** The headline numbers of the period of equal length just before this one (shared/domain/reportTrends.ts previousPeriod). */
  previous: { period: { from: string; to: string }; values: Headline };
  /** Dimensions whose cells may add up to more than the total (a consultation may concern several issues). */
  multiValuedDimensions: BreakdownDimension[];
  suppression: {
    applied: boolean;
    threshold: number;
    /** Paths (indicator.field or breakdown/dimension/key) of cells shown as "<N". */
    smallCells: number;
    /** Cells hidden ("x") so that a small cell cannot be worked out from a total. */
    complementaryCells: number;
  };
  generated: {
    at: string;
    installationId: string | null;
    installationName: string | null;
    /** The newest change stamp (HLC) in the database when the report was made: "from which data". */
    dataStamp: string | null;
    appVersion: string | null;
    /**
     * The installation's audit trail when the report was made (newest entry: number and hash), so a
     * printed report is a witness of the trail: a later rewrite of older entries no longer matches it.
     * Null where the engine ran on statistics outside the installation's database (a PostgreSQL hub)
     * and nothing filled it in.
     */
    auditHead: { seq: number; hash: string } | null;
    /**
     * On a hub: the contact points and days the report's data comes from, and when the package holding
     * each range was made (which contact point's data is how old). Null on an installation that
     * counts its own records.
     */
    coverage?: ReportCoverage[] | null;
  };
}

/** Days of one contact point whose facts come from one statistics package. */
export interface ReportCoverage {
  contactPointCode: string;
  contactPointName: string;
  from: string;
  to: string;
  /** When the contact point made the package (its clock). */
  madeAt: string;
  /** The network secret's generation the package's pseudonyms were made under. */
  generation: number;
}

/** Report with every count a number (the engine's own output before suppression). */
export type RawIndicatorReport = IndicatorReport;

/** Every number about people or consultations can be opened to the consultations behind it. */
export type DrilldownTarget = BreakdownKey;

export interface DrilldownRow {
  consultationId: string;
  date: string;
  venueKind: VenueKind;
  contactPointCode: string;
  mobileSessionCode: string | null;
  districtId: string;
  kind: string;
  sex: string;
  ageBand: string;
  migrantHousehold: boolean;
  abandoned: boolean | null;
  issues: string[];
  /** Only for users allowed to read personal data. */
  clientName?: string;
}

export interface DrilldownResult {
  total: number;
  rows: DrilldownRow[];
  withNames: boolean;
}
