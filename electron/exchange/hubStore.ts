import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { HubSubmission } from '../../shared/api/exchangeTypes';
import { SET_DIMENSIONS, type SetTable } from '../../shared/domain/indicatorDimensions';
import type { StatsPayload } from './statsFacts';

// The Ombudsman hub's store of statistics facts. The facts go into the SAME tables the indicator engine
// reads everywhere (contact_points, mobile_sessions, consultations with their snapshot columns, the
// tables of the set dimensions — consultation_issues, consultation_referrals —, cases), with one pseudonymous row in `clients` per woman (id = her pseudonym,
// no name), so computeIndicators, the exports and `report` run on a hub unchanged. The code is plain
// Kysely query building, so the same functions write to the SQLite hub and to PostgreSQL
// (hubPostgres.ts) for an office where several analysts share one server.
//
// Hub rows are copies of another installation's facts, replaced per contact point and period, and never
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

async function upsert(db: HubDb, table: keyof HubDatabase, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id' && c !== 'created_at');
  const any = db as unknown as Kysely<any>;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await any
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

export interface HubApplyInfo {
  packageId: string;
  sender: string;
  now: string;
}

/** Replaces one contact point's facts for the package's period with the package's (idempotent). */
export async function applyStatsFacts(trx: HubDb, p: StatsPayload, info: HubApplyInfo): Promise<number> {
  const { contactPointId: cp, from, to } = p.period;
  const { now } = info;
  const inPeriod = trx.selectFrom('consultations').select('id').where('contact_point_id', '=', cp).where('date', '>=', from).where('date', '<=', to);
  for (const { source } of SET_DIMENSIONS) {
    await trx.updateTable(source.table).set({ deleted_at: now }).where('deleted_at', 'is', null).where('consultation_id', 'in', inPeriod).execute();
  }
  await trx.updateTable('consultations').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('date', '>=', from).where('date', '<=', to).execute();
  await trx.updateTable('mobile_sessions').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('date', '>=', from).where('date', '<=', to).execute();
  await trx.updateTable('cases').set({ deleted_at: now }).where('deleted_at', 'is', null).where('contact_point_id', '=', cp).where('closed_on', '>=', from).where('closed_on', '<=', to).execute();

  const book = { created_at: now, updated_at: now, hlc: HUB_STAMP };
  await upsert(trx, 'contact_points', p.contactPoints.map((r) => ({ ...r, ...book, address: '', notes: '' })));
  await upsert(
    trx,
    'clients',
    Object.entries(p.persons).map(([id, sex]) => ({ id, ...book, deleted_at: null, surname: '', given_name: '', sex, merged_into_id: null })),
  );
  await upsert(trx, 'mobile_sessions', p.sessions.map((r) => ({ ...r, ...book, jamoat: '', village: '', partner_authority: '', notes: '' })));
  await upsert(
    trx,
    'cases',
    p.cases.map(({ person, ...r }) => ({ ...r, ...book, client_id: person })),
  );
  await upsert(
    trx,
    'consultations',
    p.consultations.map(({ person, created_at, ...r }) => ({ ...r, ...book, created_at, client_id: person, deleted_at: null })),
  );
  for (const { source } of SET_DIMENSIONS) {
    await upsert(trx, source.table, (p[source.payload] ?? []).map((r) => ({ ...r, ...book, deleted_at: null })));
  }

  const cpRow = p.contactPoints.find((c) => c.id === cp);
  const submission = { contactPointId: cp, code: cpRow?.code ?? '', name: cpRow?.name ?? '', consultations: p.consultations.length };
  await (trx as unknown as Kysely<any>)
    .insertInto('meta')
    .values({ key: `hub.submission.${info.packageId}`, value: JSON.stringify(submission) })
    .onConflict((oc: any) => oc.column('key').doUpdateSet({ value: JSON.stringify(submission) }))
    .execute();
  await trx
    .insertInto('applied_packages')
    .values({ package_id: info.packageId, sender_installation_id: info.sender, kind: 'stats', applied_at: now, period_from: from, period_to: to })
    .execute();
  return p.consultations.length;
}

export async function isApplied(db: HubDb, packageId: string): Promise<boolean> {
  return !!(await db.selectFrom('applied_packages').select('package_id').where('package_id', '=', packageId).executeTakeFirst());
}

/** Which contact point sent data for which period, newest first. */
export async function listSubmissions(db: HubDb, senderNames: Map<string, string>): Promise<HubSubmission[]> {
  const rows = await db.selectFrom('applied_packages').selectAll().where('kind', '=', 'stats').orderBy('applied_at', 'desc').execute();
  const out: HubSubmission[] = [];
  for (const r of rows) {
    const meta = await db.selectFrom('meta').select('value').where('key', '=', `hub.submission.${r.package_id}`).executeTakeFirst();
    const s = meta ? (JSON.parse(meta.value) as { code: string; name: string; consultations: number }) : { code: '', name: '', consultations: 0 };
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
