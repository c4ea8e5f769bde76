import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { ReportQuery } from '../../shared/api/reportTypes';
import { REGIONS } from '../../shared/reference/regions';

// SQL building blocks of the indicator drill-down (db/queries/indicatorDrilldown.ts); the engine's own
// counting pass (indicatorCount.ts) follows the same rules without the sorts. Written as
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
