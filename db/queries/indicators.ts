import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Breakdown, BreakdownDimension, BreakdownKey, IndicatorReport, ReportQuery } from '../../shared/domain/indicatorReport';
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
import type { BreakdownRow } from './indicatorTally';

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

export async function computeIndicators(db: Db, q: ReportQuery, now: Date = new Date()): Promise<IndicatorReport> {
  const f = await resolveFilters(db, q);

  // 1.2.3 a: contact points operating (established on or before `to`, not closed before `from`), and
  // those established within the period. Filtered by the contact point's own district.
  const cpConditions = [sql`cp.deleted_at IS NULL`, sql`cp.established_on <= ${q.to}`];
  if (f.districtIds) cpConditions.push(inList(sql.ref('cp.district_id'), f.districtIds));
  if (f.contactPointId) cpConditions.push(sql`cp.id = ${f.contactPointId}`);
  const cp = await sql<{ operating: number | string; established: number | string | null }>`
    SELECT SUM(CASE WHEN cp.closed_on IS NULL OR cp.closed_on >= ${q.from} THEN 1 ELSE 0 END) AS operating,
           SUM(CASE WHEN cp.established_on >= ${q.from} THEN 1 ELSE 0 END) AS established
    FROM contact_points cp WHERE ${sql.join(cpConditions, sql` AND `)}`.execute(db);

  // 1.2.4 a: mobile sessions conducted in the period, where they took place.
  const msConditions = [sql`ms.deleted_at IS NULL`, sql`ms.status = 'conducted'`, sql`ms.date >= ${q.from}`, sql`ms.date <= ${q.to}`];
  if (f.districtIds) msConditions.push(inList(sql.ref('ms.district_id'), f.districtIds));
  if (f.contactPointId) msConditions.push(sql`ms.contact_point_id = ${f.contactPointId}`);
  const ms = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM mobile_sessions ms WHERE ${sql.join(msConditions, sql` AND `)}`.execute(db);

  // SQLite keeps report_facts up to date (migration 0009); the hub's PostgreSQL store is counted from the consultations.
  const { women, consultations } = isSqlite(db) ? await countFromFacts(db, q, f) : await countConsultations(db, q, f);

  // 2.2.1.b: alimony cases closed in the period, by outcome; placed by the contact point of the case.
  const caseConditions = [
    sql`ca.deleted_at IS NULL`,
    inList(sql.ref('ca.case_type'), [...ALIMONY_CASE_TYPES]),
    sql`ca.closed_on >= ${q.from}`,
    sql`ca.closed_on <= ${q.to}`,
  ];
  if (f.districtIds) caseConditions.push(inList(sql.ref('cp.district_id'), f.districtIds));
  if (f.contactPointId) caseConditions.push(sql`ca.contact_point_id = ${f.contactPointId}`);
  const cases = await sql<{ outcome: string; n: number | string }>`
    SELECT COALESCE(ca.outcome, 'unknown') AS outcome, COUNT(*) AS n
    FROM cases ca LEFT JOIN contact_points cp ON cp.id = ca.contact_point_id
    WHERE ${sql.join(caseConditions, sql` AND `)} GROUP BY COALESCE(ca.outcome, 'unknown')`.execute(db);

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

  const byOutcome: Record<string, number> = Object.fromEntries([...CASE_OUTCOMES, 'unknown'].map((o) => [o, 0]));
  for (const row of cases.rows) byOutcome[row.outcome] = Number(row.n);
  const closed = Object.values(byOutcome).reduce((s, n) => s + n, 0);
  const successful = SUCCESSFUL_OUTCOMES.reduce((s, o) => s + (byOutcome[o] ?? 0), 0);

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
        contactPointsOperating: Number(cp.rows[0]?.operating ?? 0),
        contactPointsEstablishedInPeriod: Number(cp.rows[0]?.established ?? 0),
        womenFromMigrantHouseholds: w123.total,
        abandonedWomen: a123.total,
        consultations: c123.total,
      },
      '1.2.4': {
        mobileSessionsConducted: Number(ms.rows[0]?.n ?? 0),
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
      '2.2.1.b': { alimonyCasesClosed: closed, resolvedSuccessfully: successful, byOutcome },
    },
    breakdowns,
    multiValuedDimensions: [...MULTI_VALUED_DIMENSIONS],
    suppression: { applied: false, threshold: 0, smallCells: 0, complementaryCells: 0 },
    generated: {
      at: now.toISOString(),
      installationId: await getMeta(db, META_KEYS.installationId),
      installationName: await getMeta(db, META_KEYS.installationName),
      dataStamp: await dataStamp(db),
      appVersion: null,
      auditHead: isSqlite(db) ? await auditHead(db) : null,
      coverage: await reportCoverage(db, q, f.contactPointId),
    },
  };
}
