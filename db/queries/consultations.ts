import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { ConsultationKind, IssueCategory, Referral, VenueKind } from '../../shared/domain/enums';
import { takeSnapshot, type Snapshot, type SnapshotClient, type SnapshotHousehold } from '../../shared/domain/snapshot';
import type { ClientRow, ConsultationRow, ContactPointRow, HouseholdRow, MobileSessionRow } from '../schema';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { consultationVisibleSql, type Viewer } from './visibility';
import { audit, bool, int, type Db, type WriteCtx } from './writeContext';

// Consultations (indicator 1.2.10) with the client's status snapshot taken when they are recorded.

/** The consultation list's filters and page. */
export interface ConsultationListFilter {
  from?: string | null;
  to?: string | null;
  venueKind?: VenueKind;
  contactPointId?: string | null;
  mobileSessionId?: string | null;
  clientId?: string | null;
  caseId?: string | null;
  /** The lawyer who gave the advice (a user). */
  lawyerUserId?: string | null;
  /** Consultations about this issue (among others). */
  issue?: IssueCategory;
  onlyId?: string;
  sort: 'date' | 'createdAt';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Who reads: a consultation hidden from them is marked restricted (shared/domain/sensitivity.ts). */
  viewer: Viewer;
}
type ListFilter = ConsultationListFilter;

function base(db: Db) {
  return db
    .selectFrom('consultations as k')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .leftJoin('mobile_sessions as s', 's.id', 'k.mobile_session_id')
    .where('k.deleted_at', 'is', null);
}

async function issuesOf(db: Db, ids: string[]): Promise<Map<string, IssueCategory[]>> {
  const map = new Map<string, IssueCategory[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('consultation_issues')
      .select(['consultation_id', 'issue'])
      .where('consultation_id', 'in', ids.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const r of rows) map.set(r.consultation_id, [...(map.get(r.consultation_id) ?? []), r.issue]);
  }
  return map;
}

const SUMMARY_COLUMNS = [
  'k.id',
  'k.date',
  'k.client_id',
  'c.surname',
  'c.given_name',
  'k.venue_kind',
  'k.contact_point_id',
  'k.mobile_session_id',
  's.code as session_code',
  'k.district_id',
  'k.lawyer_user_id',
  'k.lawyer_name',
  'k.kind',
  'k.follow_up_on',
  'k.case_id',
  'k.snap_migrant_household',
  'k.snap_abandoned',
] as const;

/**
 * Every filter of the consultation list, all on the consultation itself (its issues through their
 * index of live rows by issue, migration 0019): the same for the page and for the count, and the one
 * place where what the list shows of the consultations is decided.
 */
function consultationConditions(f: ListFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const k = (column: string) => sql.ref(`k.${column}`);
  const equal = (column: string, value: string | null | undefined) => {
    if (value) out.push(sql<SqlBool>`${k(column)} = ${value}`);
  };
  if (f.from) out.push(sql<SqlBool>`${k('date')} >= ${f.from}`);
  if (f.to) out.push(sql<SqlBool>`${k('date')} <= ${f.to}`);
  equal('venue_kind', f.venueKind);
  equal('contact_point_id', f.contactPointId);
  equal('mobile_session_id', f.mobileSessionId);
  equal('client_id', f.clientId);
  equal('case_id', f.caseId);
  equal('lawyer_user_id', f.lawyerUserId);
  if (f.issue) out.push(sql<SqlBool>`${k('id')} IN (SELECT ci.consultation_id FROM consultation_issues ci WHERE ci.issue = ${f.issue} AND ci.deleted_at IS NULL)`);
  equal('id', f.onlyId);
  return out;
}

function summaryQuery(db: Db) {
  return base(db).select(SUMMARY_COLUMNS);
}

/**
 * A consultation as the lists show it: with its client's name, its session's code and its issues;
 * `restricted`: the reader may not see it, so the list shows only its place.
 */
export type ConsultationListRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>> & { issues: IssueCategory[]; restricted?: boolean };

/** One page of the list and how many consultations match. */
export async function listConsultationRows(db: Db, f: ListFilter): Promise<{ rows: ConsultationListRow[]; total: number }> {
  let q = summaryQuery(db);
  let counted = db.selectFrom('consultations as k').where('k.deleted_at', 'is', null);
  for (const condition of consultationConditions(f)) {
    q = q.where(condition);
    counted = counted.where(condition);
  }
  // The count leaves out the joins: every consultation has its client (a foreign key, checked even by
  // the exchange's deferred checks) and at most one session (its primary key), so they change no
  // count, but looking up the client of each of a year's 24,000 consultations was most of the list's time.
  const total = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(consultationVisibleSql(f.viewer).as('visible'))
    .orderBy(f.sort === 'createdAt' ? 'k.created_at' : 'k.date', f.dir)
    .orderBy('k.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const issues = await issuesOf(db, rows.map((r) => r.id));
  return {
    // Completed in place: copying rows of many columns (a spread, a rest pattern) cost as much as the query.
    rows: rows.map((r) => Object.assign(r, { issues: issues.get(r.id) ?? [] }, Number(r.visible) === 1 ? {} : { restricted: true })),
    total: Number(total.n),
  };
}

export async function getConsultationRow(db: Db, id: string): Promise<ConsultationRow> {
  const k = await db.selectFrom('consultations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!k) throw new AppError('NOT_FOUND', 'No such consultation');
  return k;
}

export async function referralRows(db: Db, consultationId: string): Promise<Array<{ referral: Referral; note: string }>> {
  return db
    .selectFrom('consultation_referrals')
    .select(['referral', 'note'])
    .where('consultation_id', '=', consultationId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The snap_* columns of a consultation from a snapshot (also used by the national seed's fast path). */
export function snapColumns(s: Snapshot) {
  return {
    snap_sex: s.sex,
    snap_age: s.age,
    snap_age_band: s.ageBand,
    snap_migrant_household: s.migrantHousehold ? 1 : 0,
    snap_relation: s.relation,
    snap_marital_status: s.maritalStatus,
    snap_abandoned: int(s.abandoned),
    snap_abandoned_computed: int(s.abandonedComputed),
    snap_abandoned_reason: s.abandonedReason,
    snap_employment: s.employment,
    snap_education: s.education,
    snap_residence: s.residence,
    snap_social_assistance: int(s.socialAssistance),
    snap_residence_district_id: s.residenceDistrictId,
  };
}

/** What a snapshot needs of a client's row. */
type ClientSnapshotColumns = Pick<
  ClientRow,
  'sex' | 'birth_date' | 'age_recorded' | 'age_recorded_on' | 'employment' | 'education' | 'residence_type' | 'social_assistance' | 'residence_district_id'
>;

/** A client's row as the snapshot reads it (saveConsultation, and the national seed from the row it writes). */
export function snapshotClient(c: ClientSnapshotColumns): SnapshotClient {
  return {
    sex: c.sex,
    birthDate: c.birth_date,
    ageRecorded: c.age_recorded,
    ageRecordedOn: c.age_recorded_on,
    employment: c.employment,
    education: c.education,
    residenceType: c.residence_type,
    socialAssistance: bool(c.social_assistance),
    residenceDistrictId: c.residence_district_id,
  };
}

/** A migrant household's row as the snapshot reads it (saveConsultation, and the national seed). */
export function snapshotHousehold(h: Pick<HouseholdRow, 'relation' | 'departure_date' | 'last_remittance_date' | 'marital_status' | 'abandoned_override'>): SnapshotHousehold {
  return {
    relation: h.relation,
    departureDate: h.departure_date,
    lastRemittanceDate: h.last_remittance_date,
    maritalStatus: h.marital_status,
    abandonedOverride: bool(h.abandoned_override),
  };
}

/** A client's status on a date, from her record as it is now (i.e. at save time). */
async function clientSnapshot(db: Db, clientId: string, on: string): Promise<Snapshot> {
  const c = await db.selectFrom('clients').selectAll().where('id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'No such client');
  const h = await db.selectFrom('migrant_households').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
  return takeSnapshot(snapshotClient(c), h ? snapshotHousehold(h) : null, on);
}

/** What a consultation's form sets. */
export interface ConsultationFields {
  id?: string;
  clientId: string;
  /** Required at a contact point; in a mobile session, the session's date. */
  date: string | null;
  venueKind: VenueKind;
  /** At a contact point: null for this installation's own contact point. */
  contactPointId: string | null;
  mobileSessionId: string | null;
  lawyerUserId: string | null;
  lawyerName: string;
  kind: ConsultationKind;
  issues: IssueCategory[];
  advice: string;
  referrals: Array<{ referral: Referral; note: string }>;
  followUpOn: string | null;
  caseId: string | null;
}

/** Where a consultation takes place: its session (if any) and its contact point, as recorded. */
export interface Venue {
  session: MobileSessionRow | null;
  contactPoint: ContactPointRow | null;
}

/** Where a consultation took place: its date, contact point and district, resolved from its venue. */
export interface ConsultationPlace {
  date: string;
  contactPointId: string;
  districtId: string;
}

/** The columns of a consultation as entered, at its resolved place (saveConsultation, the register import, the national seed). */
export function consultationColumns(input: ConsultationFields, place: ConsultationPlace) {
  return {
    client_id: input.clientId,
    date: place.date,
    venue_kind: input.venueKind,
    contact_point_id: place.contactPointId,
    mobile_session_id: input.venueKind === 'mobile_session' ? input.mobileSessionId : null,
    district_id: place.districtId,
    lawyer_user_id: input.lawyerUserId,
    lawyer_name: input.lawyerName,
    kind: input.kind,
    advice: input.advice,
    follow_up_on: input.followUpOn,
    case_id: input.caseId,
  };
}

/**
 * The rows of a new consultation: the consultation with its snapshot, its issues and referrals, and
 * its audit entry. saveConsultation passes the snapshot of the client's record; the register import
 * the snapshot of the register's row (the person's situation as the register recorded it that day).
 */
export async function insertConsultation(ctx: WriteCtx, input: ConsultationFields, place: ConsultationPlace, snapshot: Snapshot): Promise<string> {
  const { trx, w } = ctx;
  const id = await insertRow(trx, w, 'consultations', { ...consultationColumns(input, place), ...snapColumns(snapshot) });
  for (const issue of new Set(input.issues)) await insertRow(trx, w, 'consultation_issues', { consultation_id: id, issue });
  for (const [referral, note] of new Map(input.referrals.map((r) => [r.referral, r.note]))) {
    await insertRow(trx, w, 'consultation_referrals', { consultation_id: id, referral, note });
  }
  await audit(ctx, 'consultation.create', 'consultations', id, {
    clientId: input.clientId,
    fields: [],
    snapshot: true,
    issues: input.issues.length,
    referrals: input.referrals.length,
  });
  return id;
}

/**
 * The session or contact point a consultation names (a contact point: the form's, else this
 * installation's own). Either is null when it names none or one that does not exist.
 */
export async function findVenue(db: Db, input: Pick<ConsultationFields, 'venueKind' | 'mobileSessionId' | 'contactPointId'>, ownContactPointId: string | null): Promise<Venue> {
  if (input.venueKind === 'mobile_session') {
    const session = input.mobileSessionId
      ? ((await db.selectFrom('mobile_sessions').selectAll().where('id', '=', input.mobileSessionId).where('deleted_at', 'is', null).executeTakeFirst()) ?? null)
      : null;
    return { session, contactPoint: null };
  }
  const cpId = input.contactPointId ?? ownContactPointId;
  const contactPoint = cpId ? ((await db.selectFrom('contact_points').selectAll().where('id', '=', cpId).where('deleted_at', 'is', null).executeTakeFirst()) ?? null) : null;
  return { session: null, contactPoint };
}

/**
 * Records (or corrects) a consultation as checked by the consultation service. The venue decides where
 * the help was given: a mobile session gives its contact point, district and date; a contact point
 * gives its district. The snapshot is taken from the client's record when the consultation is first
 * saved, and again only when its client or date is corrected; other edits (advice, referrals…) leave
 * it as recorded. A consultation recorded in a planned session marks the session conducted: the
 * session took place.
 */
export async function saveConsultation(ctx: WriteCtx, input: ConsultationFields, ownContactPointId: string | null, today: string = todayIso()): Promise<string> {
  const { trx, w } = ctx;
  const existing = input.id ? await getConsultationRow(trx, input.id) : null;
  const venue = await findVenue(trx, input, ownContactPointId);
  let date: string;
  let contactPointId: string;
  let districtId: string;
  let sessionToConduct: string | null = null;
  if (venue.session) {
    date = venue.session.date;
    contactPointId = venue.session.contact_point_id;
    districtId = venue.session.district_id;
    if (venue.session.status === 'planned') sessionToConduct = venue.session.id;
  } else if (venue.contactPoint && input.date) {
    date = input.date;
    contactPointId = venue.contactPoint.id;
    districtId = venue.contactPoint.district_id;
  } else throw new AppError('NOT_FOUND', 'No such mobile session or contact point');

  const place = { date, contactPointId, districtId };
  let id: string;
  if (existing) {
    id = existing.id;
    const retake = existing.client_id !== input.clientId || existing.date !== date;
    const snapshot = retake ? snapColumns(await clientSnapshot(trx, input.clientId, date)) : {};
    const fields = await updateRow(trx, w, 'consultations', id, { ...consultationColumns(input, place), ...snapshot });
    await replaceChildren(ctx, id, input);
    await audit(ctx, 'consultation.update', 'consultations', id, {
      clientId: input.clientId,
      fields,
      snapshot: retake,
      issues: input.issues.length,
      referrals: input.referrals.length,
    });
  } else {
    id = await insertConsultation(ctx, input, place, await clientSnapshot(trx, input.clientId, date));
  }
  if (sessionToConduct) {
    await updateRow(trx, w, 'mobile_sessions', sessionToConduct, { status: 'conducted', status_changed_on: today });
    await audit(ctx, 'mobile_session.status', 'mobile_sessions', sessionToConduct, { from: 'planned', to: 'conducted', by: 'consultation' });
  }
  return id;
}

/** Issues and referrals: the rows that stay keep their id; the others are tombstoned or added. */
async function replaceChildren(ctx: WriteCtx, consultationId: string, input: ConsultationFields): Promise<void> {
  const { trx, w } = ctx;
  const issues = await trx.selectFrom('consultation_issues').select(['id', 'issue']).where('consultation_id', '=', consultationId).where('deleted_at', 'is', null).execute();
  const wanted = new Set(input.issues);
  for (const r of issues) if (!wanted.has(r.issue)) await tombstoneRow(trx, w, 'consultation_issues', r.id);
  const have = new Set(issues.map((r) => r.issue));
  for (const issue of wanted) if (!have.has(issue)) await insertRow(trx, w, 'consultation_issues', { consultation_id: consultationId, issue });

  const referrals = await trx
    .selectFrom('consultation_referrals')
    .select(['id', 'referral', 'note'])
    .where('consultation_id', '=', consultationId)
    .where('deleted_at', 'is', null)
    .execute();
  const byReferral = new Map(input.referrals.map((r) => [r.referral, r.note]));
  for (const r of referrals) {
    const note = byReferral.get(r.referral);
    if (note === undefined) await tombstoneRow(trx, w, 'consultation_referrals', r.id);
    else await updateRow(trx, w, 'consultation_referrals', r.id, { note });
  }
  const haveRef = new Set(referrals.map((r) => r.referral));
  for (const [referral, note] of byReferral) if (!haveRef.has(referral)) await insertRow(trx, w, 'consultation_referrals', { consultation_id: consultationId, referral, note });
}
