import type { Kysely, Transaction } from 'kysely';
import { readSubmission, saveSubmission, heldPeriods, touchFacts } from '../../db/queries/hubPeriods';
import type { Db as EngineDb } from '../../db/queries/writeContext';
import type { Database } from '../../db/schema';
import type { HubSubmission } from '../../shared/api/exchangeTypes';
import { SET_DIMENSIONS, type SetTable } from '../../shared/domain/indicatorDimensions';
import { daysWon, madeAtOf, newestOver } from '../../shared/domain/statsPeriods';
import type { HybridClock } from '../../shared/sync/hlc';
import { PackageRefused } from './refusal';
import type { StatsPayload } from './statsFacts';

// The Ombudsman hub's store of statistics facts. The facts go into the SAME tables the indicator engine
// reads everywhere (contact_points, mobile_sessions, consultations with their snapshot columns, the
// tables of the set dimensions — consultation_issues, consultation_referrals —, cases), with one pseudonymous row in `clients` per woman (id = her pseudonym,
// no name), so computeIndicators, the exports and `report` run on a hub unchanged. The code is plain
// Kysely query building, so the same functions write to the SQLite hub and to PostgreSQL
// (hubPostgres.ts) for an office where several analysts share one server.
//
// Hub rows are copies of another installation's facts, replaced per contact point and day, and never
// exchanged onwards, so they are written here directly rather than through db/write.ts (which would log
// them as this installation's own changes). Nothing is hard-deleted: replaced facts get deleted_at.

export type HubDatabase = Pick<Database, 'contact_points' | 'mobile_sessions' | 'clients' | 'consultations' | SetTable | 'cases' | 'meta' | 'change_log' | 'applied_packages'>;
export type HubDb = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** The app's own database seen as a hub store (the hub tables are a subset of its schema). */
export function hubView(db: Kysely<Database> | Transaction<Database>): HubDb {
  return db as unknown as HubDb;
}

/** A fixed stamp for copied facts: the hub does not merge them, it replaces them. */
const HUB_STAMP = '000000000000000-0000-0000000000000000';
const CHUNK = 200;

/** 'replace': the package's row replaces the hub's; 'keep': a row the hub already holds stays as it is. */
async function upsert(db: HubDb, table: keyof HubDatabase, rows: Record<string, unknown>[], mode: 'replace' | 'keep' = 'replace'): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id' && c !== 'created_at');
  const any = db as unknown as Kysely<any>;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await any
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        mode === 'keep' ? oc.column('id').doNothing() : oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

export interface HubApplyInfo {
  packageId: string;
  sender: string;
  now: string;
  /** The sender's stamp of the package (statsStamp): which of two packages for the same days is newer. */
  stamp: string;
  /** The hub's own clock: the facts' new data stamp is its next tick. */
  clock: HybridClock;
}

/** The engine's and the repositories' view of a hub store (the hub tables are a subset of the app's schema). */
function engine(db: HubDb): EngineDb {
  return db as unknown as EngineDb;
}

/**
 * Stores one contact point's facts from a statistics package, for the days of its period it is newer
 * for (shared/domain/statsPeriods.ts); refuses it, writing nothing, when it is newer for none.
 * Idempotent by package id (isApplied).
 */
export async function applyStatsFacts(trx: HubDb, p: StatsPayload, info: HubApplyInfo): Promise<number> {
  const { contactPointId: cp, from, to } = p.period;
  const { now } = info;
  const held = await heldPeriods(engine(trx), cp);
  const won = daysWon({ from, to }, info.stamp, held);
  if (won.length === 0) {
    const kept = newestOver({ from, to }, info.stamp, held)!;
    throw new PackageRefused('olderStats', madeAtOf(kept.stamp), { madeAt: madeAtOf(kept.stamp) });
  }
  // Rows that are not one day's facts (the contact point's own row, a woman's pseudonym) are the
  // package's only when it is the newest the hub holds for this contact point.
  const newest = held.every((h) => h.stamp < info.stamp);
  const inWon = (date: string | null) => date !== null && won.some((r) => date >= r.from && date <= r.to);

  for (const r of won) {
    const inRange = trx.selectFrom('consultations').select('id').where('contact_point_id', '=', cp).where('date', '>=', r.from).where('date', '<=', r.to);
    for (const { source } of SET_DIMENSIONS) {
      await trx.updateTable(source.table).set({ deleted_at: now }).where('deleted_at', 'is', null).where('consultation_id', 'in', inRange).execute();
    }
    await trx.updateTable('consultations').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('date', '>=', r.from).where('date', '<=', r.to).execute();
    await trx.updateTable('mobile_sessions').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('date', '>=', r.from).where('date', '<=', r.to).execute();
    await trx.updateTable('cases').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('closed_on', '>=', r.from).where('closed_on', '<=', r.to).execute();
  }

  const book = { created_at: now, updated_at: now, hlc: HUB_STAMP };
  await upsert(trx, 'contact_points', p.contactPoints.map((r) => ({ ...r, ...book, address: '', notes: '' })), newest ? 'replace' : 'keep');
  // A pseudonym the hub knows keeps its row: it may point to the woman's pseudonym under a newer secret.
  await upsert(
    trx,
    'clients',
    Object.entries(p.persons).map(([id, sex]) => ({ id, ...book, deleted_at: null, surname: '', given_name: '', sex, merged_into_id: null })),
    'keep',
  );
  await linkAliases(trx, p, now);
  // A session or case of a day this package does not win, that it carries because a consultation
  // refers to it, is added only when the hub lacks it.
  const sessions = p.sessions.map((r) => ({ ...r, ...book, jamoat: '', village: '', partner_authority: '', notes: '' }));
  const ownSession = (r: (typeof sessions)[number]) => r.contact_point_id === cp && inWon(r.date);
  await upsert(trx, 'mobile_sessions', sessions.filter(ownSession));
  await upsert(trx, 'mobile_sessions', sessions.filter((r) => !ownSession(r)), 'keep');
  const cases = p.cases.map(({ person, ...r }) => ({ ...r, ...book, client_id: person }));
  const ownCase = (r: (typeof cases)[number]) => r.contact_point_id === cp && inWon(r.closed_on);
  await upsert(trx, 'cases', cases.filter(ownCase));
  await upsert(trx, 'cases', cases.filter((r) => !ownCase(r)), 'keep');
  const consultations = p.consultations.filter((c) => inWon(c.date));
  await upsert(
    trx,
    'consultations',
    consultations.map(({ person, created_at, ...r }) => ({ ...r, ...book, created_at, client_id: person, deleted_at: null })),
  );
  const stored = new Set(consultations.map((c) => c.id));
  for (const { source } of SET_DIMENSIONS) {
    await upsert(trx, source.table, (p[source.payload] ?? []).filter((r) => stored.has(r.consultation_id)).map((r) => ({ ...r, ...book, deleted_at: null })));
  }

  const cpRow = p.contactPoints.find((c) => c.id === cp);
  await saveSubmission(engine(trx), info.packageId, {
    contactPointId: cp,
    code: cpRow?.code ?? '',
    name: cpRow?.name ?? '',
    consultations: consultations.length,
    stamp: info.stamp,
    generation: p.generation ?? 1,
  });
  await trx
    .insertInto('applied_packages')
    .values({ package_id: info.packageId, sender_installation_id: info.sender, kind: 'stats', applied_at: now, period_from: from, period_to: to })
    .execute();
  await touchFacts(engine(trx), info.clock);
  return consultations.length;
}

/** The pseudonym a woman is counted under at the hub: her row's, or the one it points to. */
async function counterpart(trx: HubDb, pseudonym: string): Promise<string | null> {
  const row = await trx.selectFrom('clients').select(['id', 'merged_into_id']).where('id', '=', pseudonym).executeTakeFirst();
  return row ? (row.merged_into_id ?? row.id) : null;
}

/**
 * After the network secret was replaced, a contact point's packages name each woman by her pseudonym
 * under the new secret and under the earlier secrets it still keeps (`aliases`). The hub makes every
 * such pseudonym point to the one she is counted under, the way a merged client record points to the
 * record kept (merged_into_id; the engine counts both as one woman): facts under the earlier secret,
 * already here or arriving late, count as the same woman. Pointers are kept one level deep.
 */
async function linkAliases(trx: HubDb, p: StatsPayload, now: string): Promise<void> {
  for (const [current, earlier] of Object.entries(p.aliases ?? {})) {
    for (const old of earlier) {
      const target = await counterpart(trx, current);
      if (!target) continue;
      const source = await counterpart(trx, old);
      if (source === target) continue;
      if (source === null) {
        const book = { created_at: now, updated_at: now, hlc: HUB_STAMP };
        await upsert(trx, 'clients', [{ id: old, ...book, deleted_at: now, surname: '', given_name: '', sex: p.persons[current] ?? '', merged_into_id: target }], 'keep');
      } else {
        await trx
          .updateTable('clients')
          .set({ merged_into_id: target, deleted_at: now, updated_at: now })
          .where((eb) => eb.or([eb('id', '=', source), eb('merged_into_id', '=', source)]))
          .execute();
      }
    }
  }
}

export async function isApplied(db: HubDb, packageId: string): Promise<boolean> {
  return !!(await db.selectFrom('applied_packages').select('package_id').where('package_id', '=', packageId).executeTakeFirst());
}

/** Which contact point sent data for which period, newest first. */
export async function listSubmissions(db: HubDb, senderNames: Map<string, string>): Promise<HubSubmission[]> {
  const rows = await db.selectFrom('applied_packages').selectAll().where('kind', '=', 'stats').orderBy('applied_at', 'desc').execute();
  const out: HubSubmission[] = [];
  for (const r of rows) {
    const s = (await readSubmission(engine(db), r.package_id)) ?? { code: '', name: '', consultations: 0 };
    out.push({
      packageId: r.package_id,
      senderInstallationId: r.sender_installation_id,
      senderName: senderNames.get(r.sender_installation_id) ?? '',
      contactPointCode: s.code,
      contactPointName: s.name,
      periodFrom: r.period_from ?? '',
      periodTo: r.period_to ?? '',
      appliedAt: r.applied_at,
      consultations: s.consultations,
    });
  }
  return out;
}
