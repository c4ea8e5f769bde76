import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { ReportQuery } from '../../shared/api/reportTypes';
import { REGIONS } from '../../shared/reference/regions';

// SQL building blocks of the indicator engine (db/queries/indicators.ts) and its drill-down. Written as
// plain SQL through Kysely's `sql` tag so the same text runs on SQLite here and on PostgreSQL at the
// Ombudsman's hub: only CASE, COALESCE, ||, COUNT/SUM, UNION ALL, CTEs and ROW_NUMBER() OVER — no
// SQLite-only functions. Every value is a bound parameter.

/** Resolved filters: the districts where the help was given, and the contact point's id. */
export interface ResolvedFilters {
  districtIds: string[] | null;
  contactPointId: string | null;
}

export function districtsOfRegion(code: string): string[] {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new AppError('NOT_FOUND', `Unknown region ${code}`);
  return region.divisions.map((d) => d.id);
}

export function districtFilter(q: ReportQuery): string[] | null {
  let ids: string[] | null = q.region ? districtsOfRegion(q.region) : null;
  if (q.districtId) ids = ids ? ids.filter((id) => id === q.districtId) : [q.districtId];
  return ids;
}

/** `column IN (…)`, or a false condition for an empty list (a district outside the chosen region). */
export function inList(column: RawBuilder<unknown>, values: string[]): RawBuilder<unknown> {
  if (values.length === 0) return sql`1 = 0`;
  return sql`${column} IN (${sql.join(values)})`;
}

export type Venue = 'contact_point' | 'mobile_session';

/**
 * The consultations that count, with the facts the breakdowns need. `venue_group` is the venue of
 * the indicator: 'contact_point' (1.2.3) or 'mobile_session' (1.2.4, only conducted sessions).
 * A consultation recorded on a session that is not (or no longer) marked conducted counts nowhere.
 * The person is the client, or the record she was merged into. Tombstoned consultations, sessions and
 * clients never count (a merged client is tombstoned but her consultations count for the survivor).
 */
export function qualifyingConsultations(q: ReportQuery, f: ResolvedFilters, womenOnly: boolean): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [
    sql`c.deleted_at IS NULL`,
    sql`c.date >= ${q.from}`,
    sql`c.date <= ${q.to}`,
    sql`(cl.deleted_at IS NULL OR cl.merged_into_id IS NOT NULL)`,
    sql`(c.venue_kind = 'contact_point' OR (ms.status = 'conducted' AND ms.deleted_at IS NULL))`,
  ];
  if (womenOnly) conditions.push(sql`c.snap_sex = 'F'`, sql`c.snap_migrant_household = 1`);
  if (f.districtIds) conditions.push(inList(sql.ref('c.district_id'), f.districtIds));
  if (f.contactPointId) conditions.push(sql`c.contact_point_id = ${f.contactPointId}`);
  return sql`
    SELECT c.id AS id,
      c.date AS date,
      c.created_at AS created_at,
      COALESCE(cl.merged_into_id, c.client_id) AS person,
      c.venue_kind AS venue,
      c.kind AS kind,
      c.snap_sex AS sex,
      c.snap_age_band AS age_band,
      c.snap_employment AS employment,
      c.snap_education AS education,
      c.snap_residence AS residence,
      CASE WHEN c.snap_social_assistance = 1 THEN 'yes' WHEN c.snap_social_assistance = 0 THEN 'no' ELSE 'unknown' END AS social_assistance,
      CASE WHEN c.snap_abandoned = 1 THEN 'yes' WHEN c.snap_abandoned = 0 THEN 'no' ELSE 'unknown' END AS abandoned,
      c.district_id AS district,
      COALESCE(c.snap_residence_district_id, 'unknown') AS home_district
    FROM consultations c
    JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN mobile_sessions ms ON ms.id = c.mobile_session_id
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

/**
 * Women indicators: each woman once per venue, in the cell of her first qualifying consultation in the
 * period (date, then time of recording, then id — a stable order).
 */
export function firstPerWoman(q: ReportQuery, f: ResolvedFilters): RawBuilder<unknown> {
  return sql`
    WITH q AS (${qualifyingConsultations(q, f, true)}),
    r AS (SELECT q.*, ROW_NUMBER() OVER (PARTITION BY q.person, q.venue ORDER BY q.date, q.created_at, q.id) AS rn FROM q)
    SELECT * FROM r WHERE rn = 1`;
}

/** Columns that hold a dimension's key in the rows above. Region is derived from the district in code. */
export const DIMENSION_COLUMNS = {
  sex: 'sex',
  ageBand: 'age_band',
  employment: 'employment',
  education: 'education',
  residence: 'residence',
  socialAssistance: 'social_assistance',
  abandoned: 'abandoned',
  district: 'district',
  homeDistrict: 'home_district',
  venue: 'venue',
  kind: 'kind',
} as const;

/** Dimensions with few keys: counted from a compact cube (g) instead of sorting every row once each. */
const CUBE_DIMENSIONS = ['sex', 'ageBand', 'employment', 'education', 'residence', 'socialAssistance', 'abandoned', 'kind'] as const;
const CUBE_COLUMNS = ['sex', 'age_band', 'employment', 'education', 'residence', 'social_assistance', 'abandoned', 'kind', 'venue'] as const;

/**
 * One statement for every dimension: (dim, key, venue, n, abandoned). `source` is a subquery of rows
 * shaped like qualifyingConsultations; each row counts once per dimension. Issues come from
 * consultation_issues (a row may have several, or none → 'none').
 * The rows are grouped once by every small dimension together (g: a few thousand cells for a national
 * year) and the small dimensions are summed from g; only the districts and the issues need their own
 * pass over the rows. Fourteen sorts of every row became four (issue 8: a national year's report went
 * from 2.8 s to well under one).
 */
export function breakdownUnion(source: RawBuilder<unknown>): RawBuilder<unknown> {
  const cubeColumns = sql.join(CUBE_COLUMNS.map((c) => sql.ref(`f.${c}`)));
  const parts = CUBE_DIMENSIONS.map((dim) => {
    const column = sql.ref(`g.${DIMENSION_COLUMNS[dim]}`);
    return sql`SELECT ${sql.lit(dim)} AS dim, ${column} AS k, g.venue AS venue, SUM(g.n) AS n, SUM(g.ab) AS ab FROM g GROUP BY ${column}, g.venue`;
  });
  for (const dim of ['district', 'homeDistrict', 'venue'] as const) {
    const column = sql.ref(`${dim === 'venue' ? 'g' : 'f'}.${DIMENSION_COLUMNS[dim]}`);
    const from = dim === 'venue' ? sql`SUM(g.n) AS n, SUM(g.ab) AS ab FROM g` : sql`COUNT(*) AS n, SUM(CASE WHEN f.abandoned = 'yes' THEN 1 ELSE 0 END) AS ab FROM f`;
    parts.push(sql`SELECT ${sql.lit(dim)} AS dim, ${column} AS k, ${sql.ref(`${dim === 'venue' ? 'g' : 'f'}.venue`)} AS venue, ${from} GROUP BY ${column}, ${sql.ref(`${dim === 'venue' ? 'g' : 'f'}.venue`)}`);
  }
  parts.push(sql`SELECT 'venueKind' AS dim, g.venue || ':' || g.kind AS k, g.venue AS venue, SUM(g.n) AS n, SUM(g.ab) AS ab
      FROM g GROUP BY g.venue, g.kind`);
  parts.push(sql`SELECT 'issue' AS dim, COALESCE(ci.issue, 'none') AS k, f.venue AS venue, COUNT(DISTINCT f.id) AS n,
      COUNT(DISTINCT CASE WHEN f.abandoned = 'yes' THEN f.id END) AS ab
      FROM f LEFT JOIN consultation_issues ci ON ci.consultation_id = f.id AND ci.deleted_at IS NULL
      GROUP BY COALESCE(ci.issue, 'none'), f.venue`);
  parts.push(sql`SELECT 'total' AS dim, 'all' AS k, g.venue AS venue, SUM(g.n) AS n, SUM(g.ab) AS ab FROM g GROUP BY g.venue`);
  // MATERIALIZED (SQLite ≥ 3.35, PostgreSQL ≥ 12) makes both compute f and g once: without it SQLite
  // re-ran the whole consultations query and its window function for each part (48 s for a year).
  return sql`WITH f AS MATERIALIZED (${source}),
    g AS MATERIALIZED (SELECT ${cubeColumns}, COUNT(*) AS n, SUM(CASE WHEN f.abandoned = 'yes' THEN 1 ELSE 0 END) AS ab FROM f GROUP BY ${cubeColumns})
    ${sql.join(parts, sql` UNION ALL `)}`;
}

export interface BreakdownRow {
  dim: string;
  k: string | null;
  venue: Venue;
  n: number | string;
  ab: number | string | null;
}
