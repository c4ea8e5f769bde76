import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { ReportQuery } from '../../shared/domain/indicatorReport';
import { PLACE_DIMENSIONS, SMALL_DIMENSIONS, type BreakdownDimension } from '../../shared/domain/indicatorDimensions';
import { REGIONS } from '../../shared/reference/regions';
import { valueSql } from '../reportFactsSql';

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

/** The dimensions read from a column of the consultation (the others: region from the district, sets from their tables). */
const COLUMN_DIMENSIONS = [...SMALL_DIMENSIONS, ...PLACE_DIMENSIONS];

/** Columns that hold a dimension's key in the rows above (ageBand: age_band). */
export const KEY_COLUMNS: Partial<Record<BreakdownDimension, string>> = Object.fromEntries(
  COLUMN_DIMENSIONS.map((d) => [d.key, d.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
);

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
      ${sql.raw(COLUMN_DIMENSIONS.map((d) => `${valueSql(d.source, 'c')} AS ${KEY_COLUMNS[d.key]}`).join(',\n      '))}
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
