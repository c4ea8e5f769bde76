import { REGIONS } from '../reference/regions';
import { AGE_BANDS, CONSULTATION_KINDS, EDUCATION, EMPLOYMENT, REFERRALS, RESIDENCE, SEXES, VENUE_KINDS } from './enums';

// The breakdown dimensions of the indicator report, each declared once. Everything that counts by a
// dimension is generated from or driven by this list: the facts the SQLite report counts from (the
// view and triggers of report_facts, db/reportFactsSql.ts), the counting passes (db/queries/
// indicatorFacts.ts over the facts, indicatorCount.ts over the consultations on the hub's PostgreSQL
// store), the drill-down (indicatorDrilldown.ts), the statistics package a contact point sends the
// hub (electron/exchange/statsFacts.ts), the hub's PostgreSQL tables (hubPostgresSchema.ts), the breakdowns
// of the report and their labels.
//
// Adding a dimension: declare it here (in the place it should take in the report), add its labels
// (`reports.dimensions.<key>` and, for a set, its "none" key, in tg/ru/en), and add a migration when it
// needs storage that does not exist yet: a consultation column for a new snapshot value, or, for a set,
// its dictionary table and a column of report_facts (see 0010_referral_facts.ts). The report's
// triggers and view are not written in migrations: they are rebuilt from this list when the database
// opens (db/reportFactsSchema.ts). The hub's PostgreSQL store gains the new column or table by itself
// when it is next opened (electron/exchange/hubPostgresSchema.ts).
//
// Where a dimension's value comes from decides how the facts keep it:
// - `small`: a column of the consultation (its snapshot of the client at that time), with few values;
//   all of them together are one row of the dictionary report_dims (a few thousand combinations).
// - `place`: a column with many values (districts); together with the contact point they are one row
//   of report_places, so the combinations of report_dims stay few.
// - `set`: rows of a child table of the consultation (several per consultation: issues, referrals);
//   each distinct set is one row of its own dictionary, and the fact holds its id. A consultation counts
//   once under each value of its set, so the cells may add up to more than the total; one with none
//   counts under `none`.
// - `region`: worked out from the district (shared/reference/regions.ts), not stored.

/** How a breakdown's keys are shown: i18n `enum.<name>.<key>`, `reports.keys.<yes|no|unknown>`, or a place's name. */
export type KeyLabels = { enum: string } | { answer: true } | { place: 'region' | 'district' };

export type DimensionSource =
  /** A text column of consultations; `answer`: an integer column 1/0/NULL read as yes/no/unknown. */
  | { kind: 'small'; column: string; answer?: true }
  /** A text column of consultations, kept in report_places under `factColumn`; NULL reads as `unknown` when `optional`. */
  | { kind: 'place'; column: string; factColumn: string; optional?: true }
  /**
   * The live rows of `table` (consultation_id, `column`). `factColumn`: the column of report_facts
   * holding the id of the set in `dictionary` (whose text column has the same name; 0 = none);
   * `payload`: the field of the statistics package that carries the rows.
   */
  | { kind: 'set'; table: string; column: string; factColumn: string; dictionary: string; payload: string; none: string }
  | { kind: 'region' };

export interface IndicatorDimension {
  key: string;
  source: DimensionSource;
  /** Only in the breakdowns of consultations (a woman is counted by who she is, not by how she was helped). */
  consultationsOnly?: true;
  /** Keys always shown, zeros included and in this order, so a table has the same rows from one report to the next. */
  values?: readonly string[];
  keyLabels: KeyLabels;
}

const ANSWERS = ['yes', 'no', 'unknown'] as const;

/** In the order the report shows them. Labels: `reports.dimensions.<key>`. */
export const INDICATOR_DIMENSIONS = [
  { key: 'sex', source: { kind: 'small', column: 'snap_sex' }, values: SEXES, keyLabels: { enum: 'sex' } },
  { key: 'ageBand', source: { kind: 'small', column: 'snap_age_band' }, values: AGE_BANDS, keyLabels: { enum: 'ageBand' } },
  { key: 'employment', source: { kind: 'small', column: 'snap_employment' }, values: EMPLOYMENT, keyLabels: { enum: 'employment' } },
  { key: 'education', source: { kind: 'small', column: 'snap_education' }, values: EDUCATION, keyLabels: { enum: 'education' } },
  { key: 'residence', source: { kind: 'small', column: 'snap_residence' }, values: RESIDENCE, keyLabels: { enum: 'residence' } },
  { key: 'socialAssistance', source: { kind: 'small', column: 'snap_social_assistance', answer: true }, values: ANSWERS, keyLabels: { answer: true } },
  { key: 'abandoned', source: { kind: 'small', column: 'snap_abandoned', answer: true }, values: ANSWERS, keyLabels: { answer: true } },
  { key: 'region', source: { kind: 'region' }, values: REGIONS.map((r) => r.code), keyLabels: { place: 'region' } },
  { key: 'district', source: { kind: 'place', column: 'district_id', factColumn: 'district_id' }, keyLabels: { place: 'district' } },
  {
    key: 'homeDistrict',
    source: { kind: 'place', column: 'snap_residence_district_id', factColumn: 'home_district_id', optional: true },
    keyLabels: { place: 'district' },
  },
  {
    key: 'issue',
    source: { kind: 'set', table: 'consultation_issues', column: 'issue', factColumn: 'issues', dictionary: 'report_issue_sets', payload: 'issues', none: 'reports.keys.none' },
    keyLabels: { enum: 'issue' },
  },
  {
    key: 'referral',
    source: {
      kind: 'set',
      table: 'consultation_referrals',
      column: 'referral',
      factColumn: 'referrals',
      dictionary: 'report_referral_sets',
      payload: 'referrals',
      none: 'reports.keys.noReferral',
    },
    values: [...REFERRALS, 'none'],
    keyLabels: { enum: 'referral' },
  },
  { key: 'venue', source: { kind: 'small', column: 'venue_kind' }, consultationsOnly: true, values: VENUE_KINDS, keyLabels: { enum: 'venueKind' } },
  { key: 'kind', source: { kind: 'small', column: 'kind' }, consultationsOnly: true, values: CONSULTATION_KINDS, keyLabels: { enum: 'consultationKind' } },
] as const satisfies readonly IndicatorDimension[];

type Declared = (typeof INDICATOR_DIMENSIONS)[number];
export type BreakdownDimension = Declared['key'];
export type SmallDimension = Extract<Declared, { source: { kind: 'small' } }>;
export type PlaceDimension = Extract<Declared, { source: { kind: 'place' } }>;
export type SetDimension = Extract<Declared, { source: { kind: 'set' } }>;
/** The child tables of consultations that set dimensions read (issues, referrals). */
export type SetTable = SetDimension['source']['table'];
/** The fields of the statistics package that carry them. */
export type SetPayload = SetDimension['source']['payload'];

const ofKind = <K extends DimensionSource['kind']>(kind: K) =>
  INDICATOR_DIMENSIONS.filter((d): d is Extract<Declared, { source: { kind: K } }> => d.source.kind === kind);

/** The dimensions kept together in report_dims, in the order of their fields there. */
export const SMALL_DIMENSIONS: readonly SmallDimension[] = ofKind('small');
/** The dimensions kept in report_places, in the order of their fields there (after the contact point). */
export const PLACE_DIMENSIONS: readonly PlaceDimension[] = ofKind('place');
/** The dimensions counted from a set of child rows, in the order of their fact columns. */
export const SET_DIMENSIONS: readonly SetDimension[] = ofKind('set');

/** The key a consultation without any row of a set dimension counts under. */
export const NO_VALUE_KEY = 'none';

export function dimension(key: BreakdownDimension): IndicatorDimension {
  return INDICATOR_DIMENSIONS.find((d) => d.key === key)!;
}

/**
 * How the key of a breakdown cell is shown: an i18n key, or the place whose name (from the reference
 * data, in the reader's language) is its label. `unknown` and a set's `none` have their own words.
 */
export function keyLabelOf(dim: BreakdownDimension, key: string): { i18n: string } | { place: 'region' | 'district' } {
  if (key === 'unknown') return { i18n: 'reports.keys.unknown' };
  const d = dimension(dim);
  if (d.source.kind === 'set' && key === NO_VALUE_KEY) return { i18n: d.source.none };
  const labels = d.keyLabels;
  if ('enum' in labels) return { i18n: `enum.${labels.enum}.${key}` };
  if ('answer' in labels) return { i18n: `reports.keys.${key}` };
  return { place: labels.place };
}

export interface DimensionColumn {
  column: string;
  /** An answer (1/0/NULL) rather than text. */
  integer: boolean;
  nullable: boolean;
}

/** The columns of consultations the small and place dimensions read (what a copy of the facts must carry). */
export const CONSULTATION_DIMENSION_COLUMNS: readonly DimensionColumn[] = [...SMALL_DIMENSIONS, ...PLACE_DIMENSIONS].map(({ source }) => ({
  column: source.column,
  integer: 'answer' in source,
  nullable: 'answer' in source || 'optional' in source,
}));
