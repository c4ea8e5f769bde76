import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { BreakdownDimension, DrilldownResult, DrilldownRow, DrilldownTarget, ReportQuery } from '../../shared/domain/indicatorReport';
import type { VenueKind } from '../../shared/domain/enums';
import { INDICATOR_DIMENSIONS, NO_VALUE_KEY } from '../../shared/domain/indicatorDimensions';
import type { Database } from '../schema';
import { KEY_COLUMNS, districtsOfRegion, firstPerWoman, inList, qualifyingConsultations } from './indicatorSql';
import { resolveFilters } from './indicators';

// The consultations behind any number of the report: the same SQL as the engine, restricted
// to one cell. For the women indicators these are the women's first qualifying consultations (one per
// woman), so the list is exactly as long as the number. Names only for users allowed personal data.

type Db = Kysely<Database> | Transaction<Database>;

export interface DrilldownQuery extends ReportQuery {
  target: DrilldownTarget;
  dimension?: BreakdownDimension | null;
  key?: string | null;
  limit?: number;
}

function cellCondition(dimension: BreakdownDimension | null | undefined, key: string | null | undefined): RawBuilder<unknown> {
  if (!dimension || key === null || key === undefined) return sql`1 = 1`;
  const d = INDICATOR_DIMENSIONS.find((x) => x.key === dimension)!;
  switch (d.source.kind) {
    case 'region':
      return inList(sql.ref('b.district'), districtsOfRegion(key));
    case 'set': {
      const { table, column } = d.source;
      const has = (value: RawBuilder<unknown>) => sql`EXISTS (SELECT 1 FROM ${sql.table(table)} s WHERE s.consultation_id = b.id AND s.deleted_at IS NULL AND ${value})`;
      return key === NO_VALUE_KEY ? sql`NOT ${has(sql`1 = 1`)}` : has(sql`${sql.ref(`s.${column}`)} = ${key}`);
    }
    default:
      return sql`${sql.ref(`b.${KEY_COLUMNS[d.key]!}`)} = ${key}`;
  }
}

export async function drilldown(db: Db, q: DrilldownQuery, withNames: boolean): Promise<DrilldownResult> {
  const f = await resolveFilters(db, q);
  const women = q.target.includes('women') || q.target.includes('abandoned');
  const source = women ? firstPerWoman(q, f) : qualifyingConsultations(q, f, false);
  const venue: VenueKind | null = q.target.startsWith('1.2.3') ? 'contact_point' : q.target.startsWith('1.2.4') ? 'mobile_session' : null;
  const where = [
    venue ? sql`b.venue = ${venue}` : sql`1 = 1`,
    q.target === '1.2.4.abandonedWomen' ? sql`b.abandoned = 'yes'` : sql`1 = 1`,
    cellCondition(q.dimension, q.key),
  ];
  const cond = sql.join(where, sql` AND `);
  const total = await sql<{ n: number | string }>`WITH b AS (${source}) SELECT COUNT(*) AS n FROM b WHERE ${cond}`.execute(db);
  const rows = await sql<{
    id: string;
    date: string;
    venue: VenueKind;
    kind: string;
    sex: string;
    age_band: string;
    abandoned: string;
    district: string;
    migrant: number;
    cp_code: string;
    ms_code: string | null;
    surname: string;
    given_name: string;
    patronymic: string;
  }>`WITH b AS (${source})
    SELECT b.id, b.date, b.venue, b.kind, b.sex, b.age_band, b.abandoned, b.district,
      c.snap_migrant_household AS migrant, cp.code AS cp_code, ms.code AS ms_code,
      cl.surname, cl.given_name, cl.patronymic
    FROM b
    JOIN consultations c ON c.id = b.id
    JOIN contact_points cp ON cp.id = c.contact_point_id
    LEFT JOIN mobile_sessions ms ON ms.id = c.mobile_session_id
    JOIN clients cl ON cl.id = c.client_id
    WHERE ${cond}
    ORDER BY b.date, b.id
    LIMIT ${q.limit ?? 500}`.execute(db);
  const ids = rows.rows.map((r) => r.id);
  const issues = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('consultation_issues')
      .select(['consultation_id', 'issue'])
      .where('consultation_id', 'in', ids.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of found) issues.set(r.consultation_id, [...(issues.get(r.consultation_id) ?? []), r.issue]);
  }
  return {
    total: Number(total.rows[0]?.n ?? 0),
    withNames,
    rows: rows.rows.map((r): DrilldownRow => ({
      consultationId: r.id,
      date: r.date,
      venueKind: r.venue,
      contactPointCode: r.cp_code,
      mobileSessionCode: r.ms_code,
      districtId: r.district,
      kind: r.kind,
      sex: r.sex,
      ageBand: r.age_band,
      migrantHousehold: Number(r.migrant) === 1,
      abandoned: r.abandoned === 'yes' ? true : r.abandoned === 'no' ? false : null,
      issues: issues.get(r.id) ?? [],
      ...(withNames ? { clientName: [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ') } : {}),
    })),
  };
}
