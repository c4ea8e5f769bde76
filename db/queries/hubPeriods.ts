import { sql } from 'kysely';
import { coverage, madeAtOf, stampFromTime, type DayRange, type HeldPeriod } from '../../shared/domain/statsPeriods';
import type { ReportCoverage } from '../../shared/domain/indicatorReport';
import { HybridClock, parseHlc } from '../../shared/sync/hlc';
import { getMeta, lastStamp, setMeta } from './meta';
import type { Db } from './writeContext';

// The hub's record of the statistics packages it has applied, in the tables every hub store has
// (SQLite and PostgreSQL): `applied_packages` (package, sender, period) and, per package, a
// `hub.submission.<package>` entry in `meta` with its contact point, the sender's stamp and the
// network secret's generation. The rule about which package a day's facts come from is
// shared/domain/statsPeriods.ts.

export const SUBMISSION_PREFIX = 'hub.submission.';
/** Changes whenever the hub's facts change (the hub's own clock at that moment). */
export const FACTS_STAMP_KEY = 'hub.facts.stamp';

export interface Submission {
  contactPointId: string;
  code: string;
  name: string;
  consultations: number;
  /** Absent in entries written before packages were stamped. */
  stamp?: string;
  generation?: number;
}

export async function saveSubmission(db: Db, packageId: string, s: Submission): Promise<void> {
  await setMeta(db, `${SUBMISSION_PREFIX}${packageId}`, JSON.stringify(s));
}

export async function readSubmission(db: Db, packageId: string): Promise<Submission | null> {
  const raw = await getMeta(db, `${SUBMISSION_PREFIX}${packageId}`);
  return raw ? (JSON.parse(raw) as Submission) : null;
}

/**
 * Every statistics package the hub holds facts from (of one contact point, or all). A package applied
 * before packages were stamped counts as made when it arrived: the hub held the last one it received,
 * and a package made before that moment must not replace it unseen.
 */
export async function heldPeriods(db: Db, contactPointId?: string): Promise<HeldPeriod[]> {
  const { rows } = await sql<{ package_id: string; period_from: string | null; period_to: string | null; applied_at: string; value: string }>`
    SELECT ap.package_id, ap.period_from, ap.period_to, ap.applied_at, m.value
    FROM applied_packages ap JOIN meta m ON m.key = ${SUBMISSION_PREFIX} || ap.package_id
    WHERE ap.kind = 'stats'`.execute(db);
  const out: HeldPeriod[] = [];
  for (const r of rows) {
    const s = JSON.parse(r.value) as Submission;
    if (!r.period_from || !r.period_to || (contactPointId && s.contactPointId !== contactPointId)) continue;
    out.push({
      packageId: r.package_id,
      contactPointId: s.contactPointId,
      from: r.period_from,
      to: r.period_to,
      stamp: s.stamp ?? stampFromTime(r.applied_at),
      generation: s.generation ?? 1,
    });
  }
  return out;
}

/**
 * Which contact point's data a report of `period` holds, and made when: null on an installation that
 * holds its own records (no statistics package applied).
 */
export async function reportCoverage(db: Db, period: DayRange, contactPointId: string | null): Promise<ReportCoverage[] | null> {
  const held = await heldPeriods(db);
  if (held.length === 0) return null;
  const ranges = coverage(contactPointId ? held.filter((h) => h.contactPointId === contactPointId) : held, period);
  const ids = [...new Set(ranges.map((r) => r.contactPointId))];
  const names = new Map<string, { code: string; name: string }>();
  if (ids.length > 0) {
    for (const cp of await db.selectFrom('contact_points').select(['id', 'code', 'name']).where('id', 'in', ids).execute()) names.set(cp.id, cp);
  }
  return ranges
    .map((r) => ({
      contactPointCode: names.get(r.contactPointId)?.code ?? '',
      contactPointName: names.get(r.contactPointId)?.name ?? '',
      from: r.from,
      to: r.to,
      madeAt: madeAtOf(r.stamp),
      generation: r.generation,
    }))
    .sort((a, b) => (a.contactPointCode < b.contactPointCode ? -1 : a.contactPointCode > b.contactPointCode ? 1 : a.from < b.from ? -1 : 1));
}

/** The newest change stamp of the data a report reads: the installation's own changes, or the hub's facts. */
export async function dataStamp(db: Db): Promise<string | null> {
  const own = await lastStamp(db);
  const facts = await getMeta(db, FACTS_STAMP_KEY);
  if (!own) return facts;
  return facts && facts > own ? facts : own;
}

/**
 * A stamp of `clock` later than `last`, the stamp given before and kept in the database. The clock
 * restarts from the newest change stamp; a computer whose date went back must still not give an
 * earlier stamp than it already gave.
 */
export function stampAfter(clock: HybridClock, last: string | null): string {
  const next = clock.tick();
  if (!last || next > last) return next;
  const after = new HybridClock(parseHlc(last).node, last).tick();
  clock.receive(after);
  return after;
}

/** Marks the hub's facts as changed: the reports' data stamp moves on (past every stamp it held). */
export async function touchFacts(db: Db, clock: HybridClock): Promise<void> {
  await setMeta(db, FACTS_STAMP_KEY, stampAfter(clock, await dataStamp(db)));
}
