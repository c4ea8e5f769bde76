import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Breakdown, BreakdownDimension, BreakdownKey, HeadlineKey, IndicatorReport, ReportQuery } from '../../shared/domain/indicatorReport';
import { isValidIsoDate } from '../../shared/domain/dates';
import { CASE_OUTCOMES, CONSULTATION_KINDS, VENUE_KINDS } from '../../shared/domain/enums';
import { dimension } from '../../shared/domain/indicatorDimensions';
import {
  ALIMONY_CASE_TYPES,
  CONSULTATION_DIMENSIONS,
  DEFINITIONS_VERSION,
  MULTI_VALUED_DIMENSIONS,
  PERSON_DIMENSIONS,
  SUCCESSFUL_OUTCOMES,
  UNKNOWN_KEY,
} from '../../shared/domain/indicatorDefinitions';
import { regionOfDistrict } from '../../shared/reference/regions';
import type { Database } from '../schema';
import { auditHead } from './audit';
import { dataStamp, reportCoverage } from './hubPeriods';
import { getMeta, META_KEYS } from './meta';
import { countConsultations, isSqlite } from './indicatorCount';
import { countFromFacts } from './indicatorFacts';
import { districtFilter, inList, type ResolvedFilters, type Venue } from './indicatorSql';
import type { BreakdownRow, HeadlineCounts, PassCounts } from './indicatorTally';
import { monthsOf, previousPeriod } from '../../shared/domain/reportTrends';

// The one indicator engine: the Reports screen, the exports, the command line and the hub all
// call computeIndicators. Counting rules: shared/domain/DOMAIN.md and README "Reports". Reads only the
// snapshot columns of consultations (status as of the consultation), never a client's current record.

type Db = Kysely<Database> | Transaction<Database>;

export async function resolveFilters(db: Db, q: ReportQuery): Promise<ResolvedFilters> {
  if (!isValidIsoDate(q.from) || !isValidIsoDate(q.to)) throw new AppError('BAD_REQUEST', 'Dates must be YYYY-MM-DD');
  if (q.from > q.to) throw new AppError('BAD_REQUEST', 'The period ends before it starts');
  let contactPointId: string | null = null;
  if (q.contactPointCode) {
    const cp = await db
      .selectFrom('contact_points')
      .select('id')
      .where('code', '=', q.contactPointCode)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!cp) throw new AppError('NOT_FOUND', `Unknown contact point ${q.contactPointCode}`);
    contactPointId = cp.id;
  }
  return { districtIds: districtFilter(q), contactPointId };
}

/** Every key a dimension always shows (zeros included), so tables have the same rows from one report to the next. */
function fixedKeys(dim: BreakdownDimension): readonly string[] {
  return dimension(dim).values ?? [];
}

function emptyBreakdown(dims: BreakdownDimension[]): Breakdown {
  const b: Breakdown = {};
  for (const dim of dims) b[dim] = Object.fromEntries(fixedKeys(dim).map((k) => [k, 0]));
  return b;
}

function add(b: Breakdown, dim: BreakdownDimension, key: string, n: number): void {
  const cells = (b[dim] ??= {});
  cells[key] = Number(cells[key] ?? 0) + n;
}

/** Folds the rows of countConsultations into breakdowns, one per venue (and both venues together). */
function fold(rows: BreakdownRow[], dims: BreakdownDimension[], pick: (venue: Venue) => boolean, abandonedOnly: boolean) {
  const b = emptyBreakdown(dims);
  let total = 0;
  for (const row of rows) {
    if (!pick(row.venue)) continue;
    const n = Number(abandonedOnly ? (row.ab ?? 0) : row.n);
    if (row.dim === 'total') {
      total += n;
      continue;
    }
    if (row.dim === 'venueKind') continue;
    const dim = row.dim as BreakdownDimension;
    if (!dims.includes(dim)) continue;
    const key = row.k ?? UNKNOWN_KEY;
    if (n === 0 && !fixedKeys(dim).includes(key)) continue;
    add(b, dim, key, n);
    if (dim === 'district') add(b, 'region', regionOfDistrict(key) ?? UNKNOWN_KEY, n);
  }
  return { breakdown: b, total };
}

/** 1.2.3 a: contact points of the filters established on or before `to`; which operate in a stretch is worked out per stretch. */
export function contactPointsQuery(q: ReportQuery, f: ResolvedFilters): RawBuilder<{ established_on: string; closed_on: string | null }> {
  const conditions = [sql`cp.deleted_at IS NULL`, sql`cp.established_on <= ${q.to}`];
  if (f.districtIds) conditions.push(inList(sql.ref('cp.district_id'), f.districtIds));
  if (f.contactPointId) conditions.push(sql`cp.id = ${f.contactPointId}`);
  return sql`SELECT cp.established_on, cp.closed_on FROM contact_points cp WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** 1.2.4 a: mobile sessions conducted in the period, where they took place, by calendar month. */
export function sessionsByMonthQuery(q: ReportQuery, f: ResolvedFilters): RawBuilder<{ m: string; n: number | string }> {
  const conditions = [sql`ms.deleted_at IS NULL`, sql`ms.status = 'conducted'`, sql`ms.date >= ${q.from}`, sql`ms.date <= ${q.to}`];
  if (f.districtIds) conditions.push(inList(sql.ref('ms.district_id'), f.districtIds));
  if (f.contactPointId) conditions.push(sql`ms.contact_point_id = ${f.contactPointId}`);
  return sql`SELECT substr(ms.date, 1, 7) AS m, COUNT(*) AS n FROM mobile_sessions ms WHERE ${sql.join(conditions, sql` AND `)} GROUP BY substr(ms.date, 1, 7)`;
}

/** 2.2.1.b: alimony cases closed in the period, by calendar month and outcome; placed by the contact point of the case. */
export function casesByMonthQuery(q: ReportQuery, f: ResolvedFilters): RawBuilder<{ m: string; outcome: string; n: number | string }> {
  const conditions = [sql`ca.deleted_at IS NULL`, inList(sql.ref('ca.case_type'), [...ALIMONY_CASE_TYPES]), sql`ca.closed_on >= ${q.from}`, sql`ca.closed_on <= ${q.to}`];
  if (f.districtIds) conditions.push(inList(sql.ref('cp.district_id'), f.districtIds));
  if (f.contactPointId) conditions.push(sql`ca.contact_point_id = ${f.contactPointId}`);
  return sql`SELECT substr(ca.closed_on, 1, 7) AS m, COALESCE(ca.outcome, 'unknown') AS outcome, COUNT(*) AS n
    FROM cases ca LEFT JOIN contact_points cp ON cp.id = ca.contact_point_id
    WHERE ${sql.join(conditions, sql` AND `)} GROUP BY substr(ca.closed_on, 1, 7), COALESCE(ca.outcome, 'unknown')`;
}

type HeadlineNumbers = Record<HeadlineKey, number>;

/** The headline numbers of each calendar month of the period and of the whole period, from the passes' counts and the grouped queries. */
async function headlineCounts(db: Db, q: ReportQuery, f: ResolvedFilters, pass: PassCounts) {
  const months = monthsOf(q.from, q.to);
  const at = new Map(months.map((m, k) => [m.month, k]));
  const cps = (await contactPointsQuery(q, f).execute(db)).rows;
  const sessions = (await sessionsByMonthQuery(q, f).execute(db)).rows;
  const cases = (await casesByMonthQuery(q, f).execute(db)).rows;
  const byOutcome: Record<string, number> = Object.fromEntries([...CASE_OUTCOMES, 'unknown'].map((o) => [o, 0]));
  const stretch = ({ from, to }: { from: string; to: string }, c: HeadlineCounts, k: number | null): HeadlineNumbers => {
    const inStretch = (m: string) => k === null || at.get(m) === k;
    const closed = cases.filter((r) => inStretch(r.m));
    return {
      contactPointsOperating: cps.filter((r) => r.established_on <= to && (r.closed_on === null || r.closed_on >= from)).length,
      contactPointsEstablishedInPeriod: cps.filter((r) => r.established_on >= from && r.established_on <= to).length,
      women123: c.women[0]!,
      abandoned123: c.abandoned[0]!,
      consultations123: c.consultations[0]!,
      sessions124: sessions.filter((r) => inStretch(r.m)).reduce((n, r) => n + Number(r.n), 0),
      women124: c.women[1]!,
      abandoned124: c.abandoned[1]!,
      consultations124: c.consultations[1]!,
      consultations1210: c.consultations[0]! + c.consultations[1]!,
      alimonyClosed: closed.reduce((n, r) => n + Number(r.n), 0),
      alimonyResolved: closed.filter((r) => (SUCCESSFUL_OUTCOMES as readonly string[]).includes(r.outcome)).reduce((n, r) => n + Number(r.n), 0),
    };
  };
  for (const r of cases) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + Number(r.n);
  return {
    period: stretch(q, pass.period, null),
    months: months.map((m, k) => ({ ...m, values: stretch(m, pass.months[k]!, k) })),
    byOutcome,
  };
}

export async function computeIndicators(db: Db, q: ReportQuery, now: Date = new Date()): Promise<IndicatorReport> {
  const f = await resolveFilters(db, q);
  const sqlite = isSqlite(db);

  // SQLite keeps report_facts up to date (migration 0009); the hub's PostgreSQL store is counted from the consultations.
  const pass = sqlite ? await countFromFacts(db, q, f) : await countConsultations(db, q, f);
  const { women, consultations } = pass;
  // The headline numbers month by month (from the same pass and one grouped query each) and those of the period before.
  const current = await headlineCounts(db, q, f, pass);
  const before = { ...q, ...previousPeriod(q.from, q.to) };
  const previous = await headlineCounts(db, before, f, sqlite ? await countFromFacts(db, before, f, true) : await countConsultations(db, before, f));
  const byOutcome = current.byOutcome;
  const head = current.period;

  const w123 = fold(women, PERSON_DIMENSIONS, (v) => v === 'contact_point', false);
  const a123 = fold(women, PERSON_DIMENSIONS, (v) => v === 'contact_point', true);
  const w124 = fold(women, PERSON_DIMENSIONS, (v) => v === 'mobile_session', false);
  const a124 = fold(women, PERSON_DIMENSIONS, (v) => v === 'mobile_session', true);
  const c123 = fold(consultations, CONSULTATION_DIMENSIONS, (v) => v === 'contact_point', false);
  const c124 = fold(consultations, CONSULTATION_DIMENSIONS, (v) => v === 'mobile_session', false);
  const c1210 = fold(consultations, CONSULTATION_DIMENSIONS, () => true, false);

  const byVenueAndKind: Record<string, number> = {};
  for (const venue of VENUE_KINDS) for (const kind of CONSULTATION_KINDS) byVenueAndKind[`${venue}:${kind}`] = 0;
  for (const row of consultations) if (row.dim === 'venueKind' && row.k) byVenueAndKind[row.k] = Number(row.n);

  const breakdowns: Record<BreakdownKey, Breakdown> = {
    '1.2.3.womenFromMigrantHouseholds': w123.breakdown,
    '1.2.3.consultations': c123.breakdown,
    '1.2.4.womenFromMigrantHouseholds': w124.breakdown,
    '1.2.4.abandonedWomen': a124.breakdown,
    '1.2.4.consultations': c124.breakdown,
    '1.2.10.consultations': c1210.breakdown,
  };

  return {
    definitionsVersion: DEFINITIONS_VERSION,
    period: { from: q.from, to: q.to },
    filters: { region: q.region ?? null, districtId: q.districtId ?? null, contactPointCode: q.contactPointCode ?? null },
    indicators: {
      '1.2.3': {
        contactPointsOperating: head.contactPointsOperating,
        contactPointsEstablishedInPeriod: head.contactPointsEstablishedInPeriod,
        womenFromMigrantHouseholds: w123.total,
        abandonedWomen: a123.total,
        consultations: c123.total,
      },
      '1.2.4': {
        mobileSessionsConducted: head.sessions124,
        womenFromMigrantHouseholds: w124.total,
        abandonedWomen: a124.total,
        consultations: c124.total,
      },
      '1.2.10': {
        consultations: c1210.total,
        byVenue: { contact_point: c123.total, mobile_session: c124.total },
        byKind: { ...(c1210.breakdown.kind ?? {}) },
        byVenueAndKind,
      },
      '2.2.1.b': { alimonyCasesClosed: head.alimonyClosed, resolvedSuccessfully: head.alimonyResolved, byOutcome },
    },
    breakdowns,
    series: current.months,
    previous: { period: { from: before.from, to: before.to }, values: previous.period },
    multiValuedDimensions: [...MULTI_VALUED_DIMENSIONS],
    suppression: { applied: false, threshold: 0, smallCells: 0, complementaryCells: 0 },
    generated: {
      at: now.toISOString(),
      installationId: await getMeta(db, META_KEYS.installationId),
      installationName: await getMeta(db, META_KEYS.installationName),
      dataStamp: await dataStamp(db),
      appVersion: null,
      auditHead: sqlite ? await auditHead(db) : null,
      coverage: await reportCoverage(db, q, f.contactPointId),
    },
  };
}
