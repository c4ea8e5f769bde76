import type { z } from 'zod';
import type { ConsultationDetail, ConsultationSummary, Paged } from '../../shared/api/caseTracking';
import type { consultationInput, consultationListInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type {
  AgeBand,
  ConsultationKind,
  Education,
  Employment,
  IssueCategory,
  MaritalStatus,
  Referral,
  RelationToMigrant,
  Residence,
  Sex,
  VenueKind,
} from '../../shared/domain/enums';
import { takeSnapshot, type Snapshot, type SnapshotClient, type SnapshotHousehold } from '../../shared/domain/snapshot';
import type { ClientsTable, MigrantHouseholdsTable } from '../schema';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { getContactPoint, openOn } from './contactPoints';
import { audit, bool, int, type Db, type WriteCtx } from './writeContext';

// Consultations (indicator 1.2.10) with the client's status snapshot taken when they are recorded.

type ListFilter = Partial<z.output<typeof consultationListInput>> &
  Pick<z.output<typeof consultationListInput>, 'sort' | 'dir' | 'offset' | 'limit'> & { onlyId?: string };

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
    for (const r of rows) map.set(r.consultation_id, [...(map.get(r.consultation_id) ?? []), r.issue as IssueCategory]);
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

/** The list's filters, all on the consultation itself: the same for the page and for the count. */
type ConsultationCondition = [
  'k.date' | 'k.venue_kind' | 'k.contact_point_id' | 'k.mobile_session_id' | 'k.client_id' | 'k.case_id' | 'k.id',
  '=' | '>=' | '<=',
  string,
];

function consultationConditions(f: ListFilter): ConsultationCondition[] {
  const out: ConsultationCondition[] = [];
  if (f.from) out.push(['k.date', '>=', f.from]);
  if (f.to) out.push(['k.date', '<=', f.to]);
  if (f.venueKind) out.push(['k.venue_kind', '=', f.venueKind]);
  if (f.contactPointId) out.push(['k.contact_point_id', '=', f.contactPointId]);
  if (f.mobileSessionId) out.push(['k.mobile_session_id', '=', f.mobileSessionId]);
  if (f.clientId) out.push(['k.client_id', '=', f.clientId]);
  if (f.caseId) out.push(['k.case_id', '=', f.caseId]);
  if (f.onlyId) out.push(['k.id', '=', f.onlyId]);
  return out;
}

export async function listConsultations(db: Db, f: ListFilter): Promise<Paged<ConsultationSummary>> {
  let q = base(db);
  let counted = db.selectFrom('consultations as k').where('k.deleted_at', 'is', null);
  for (const [column, op, value] of consultationConditions(f)) {
    q = q.where(column, op, value);
    counted = counted.where(column, op, value);
  }
  // The count leaves out the joins: every consultation has its client (a foreign key, checked even by
  // the exchange's deferred checks) and at most one session (its primary key), so they change no
  // count, but looking up the client of each of a year's 24,000 consultations was most of the list's time.
  const total = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(SUMMARY_COLUMNS)
    .orderBy(f.sort === 'createdAt' ? 'k.created_at' : 'k.date', f.dir)
    .orderBy('k.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const issues = await issuesOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      date: r.date,
      clientId: r.client_id,
      clientName: `${r.surname} ${r.given_name}`,
      venueKind: r.venue_kind as VenueKind,
      contactPointId: r.contact_point_id,
      mobileSessionId: r.mobile_session_id,
      sessionCode: r.session_code,
      districtId: r.district_id,
      lawyerUserId: r.lawyer_user_id,
      lawyerName: r.lawyer_name,
      kind: r.kind as ConsultationKind,
      issues: issues.get(r.id) ?? [],
      followUpOn: r.follow_up_on,
      caseId: r.case_id,
      migrantHousehold: r.snap_migrant_household !== 0,
      abandoned: bool(r.snap_abandoned),
    })),
    total: Number(total.n),
  };
}

export async function getConsultation(db: Db, id: string): Promise<ConsultationDetail> {
  const k = await db.selectFrom('consultations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!k) throw new AppError('NOT_FOUND', 'No such consultation');
  const summary = (await listConsultations(db, { onlyId: id, sort: 'date', dir: 'desc', offset: 0, limit: 1 })).rows[0];
  const referrals = await db
    .selectFrom('consultation_referrals')
    .select(['referral', 'note'])
    .where('consultation_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const issues = (await issuesOf(db, [id])).get(id) ?? [];
  return {
    ...summary!,
    issues,
    advice: k.advice,
    referrals: referrals.map((r) => ({ referral: r.referral as Referral, note: r.note })),
    createdAt: k.created_at,
    updatedAt: k.updated_at,
    snapshot: {
      sex: k.snap_sex as Sex,
      age: k.snap_age,
      ageBand: k.snap_age_band as AgeBand,
      migrantHousehold: k.snap_migrant_household !== 0,
      relation: k.snap_relation as RelationToMigrant | null,
      maritalStatus: k.snap_marital_status as MaritalStatus | null,
      abandoned: bool(k.snap_abandoned),
      abandonedComputed: bool(k.snap_abandoned_computed),
      abandonedReason: k.snap_abandoned_reason,
      employment: k.snap_employment as Employment,
      education: k.snap_education as Education,
      residence: k.snap_residence as Residence,
      socialAssistance: bool(k.snap_social_assistance),
      residenceDistrictId: k.snap_residence_district_id,
    },
  };
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

/** What a snapshot needs of a client's row (clients columns). */
type ClientSnapshotColumns = Pick<
  ClientsTable,
  'sex' | 'birth_date' | 'age_recorded' | 'age_recorded_on' | 'employment' | 'education' | 'residence_type' | 'social_assistance' | 'residence_district_id'
>;

/** A client's row as the snapshot reads it (saveConsultation, and the national seed from the row it writes). */
export function snapshotClient(c: ClientSnapshotColumns): SnapshotClient {
  return {
    sex: c.sex as Sex,
    birthDate: c.birth_date,
    ageRecorded: c.age_recorded,
    ageRecordedOn: c.age_recorded_on,
    employment: c.employment as Employment,
    education: c.education as Education,
    residenceType: c.residence_type as Residence,
    socialAssistance: bool(c.social_assistance),
    residenceDistrictId: c.residence_district_id,
  };
}

/** A migrant household's row as the snapshot reads it (saveConsultation, and the national seed). */
export function snapshotHousehold(h: Pick<MigrantHouseholdsTable, 'relation' | 'departure_date' | 'last_remittance_date' | 'marital_status' | 'abandoned_override'>): SnapshotHousehold {
  return {
    relation: h.relation as RelationToMigrant,
    departureDate: h.departure_date,
    lastRemittanceDate: h.last_remittance_date,
    maritalStatus: h.marital_status as MaritalStatus,
    abandonedOverride: bool(h.abandoned_override),
  };
}

/** A client's status on a date, from her record as it is now (i.e. at save time). */
async function clientSnapshot(db: Db, clientId: string, on: string): Promise<Snapshot> {
  const c = await db.selectFrom('clients').selectAll().where('id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!c) throw new AppError('VALIDATION', 'No such client', [{ path: 'clientId', key: 'invalid' }]);
  const h = await db.selectFrom('migrant_households').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
  return takeSnapshot(snapshotClient(c), h ? snapshotHousehold(h) : null, on);
}

type ConsultationInput = z.output<typeof consultationInput>;

/** Where a consultation took place: its date, contact point and district, resolved from its venue. */
export interface ConsultationPlace {
  date: string;
  contactPointId: string;
  districtId: string;
}

/** The columns of a consultation as entered, at its resolved place (saveConsultation, the register import, the national seed). */
export function consultationColumns(input: ConsultationInput, place: ConsultationPlace) {
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
export async function insertConsultation(ctx: WriteCtx, input: ConsultationInput, place: ConsultationPlace, snapshot: Snapshot): Promise<string> {
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
 * Records (or corrects) a consultation. The venue decides where the help was given: a mobile session
 * gives its contact point, district and date; a contact point gives its district. The snapshot is
 * taken from the client's record when the consultation is first saved, and again only when its client
 * or date is corrected; other edits (advice, referrals…) leave it as recorded.
 * A consultation recorded in a planned session marks the session conducted: the session took place.
 */
export async function saveConsultation(ctx: WriteCtx, input: ConsultationInput, ownContactPointId: string | null, today: string = todayIso()): Promise<string> {
  const { trx, w } = ctx;
  const existing = input.id
    ? await trx.selectFrom('consultations').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst()
    : null;
  if (input.id && !existing) throw new AppError('NOT_FOUND', 'No such consultation');

  let date: string;
  let contactPointId: string;
  let districtId: string;
  let sessionToConduct: string | null = null;
  if (input.venueKind === 'mobile_session') {
    const s = await trx.selectFrom('mobile_sessions').selectAll().where('id', '=', input.mobileSessionId!).where('deleted_at', 'is', null).executeTakeFirst();
    if (!s) throw new AppError('VALIDATION', 'No such mobile session', [{ path: 'mobileSessionId', key: 'invalid' }]);
    if (s.status === 'cancelled') throw new AppError('VALIDATION', 'The session was cancelled', [{ path: 'mobileSessionId', key: 'invalid' }]);
    if (input.date && input.date !== s.date) throw new AppError('VALIDATION', "A session's consultations are on its date", [{ path: 'date', key: 'invalid' }]);
    if (s.date > today) throw new AppError('VALIDATION', 'The session is in the future', [{ path: 'date', key: 'futureDate' }]);
    date = s.date;
    contactPointId = s.contact_point_id;
    districtId = s.district_id;
    if (s.status === 'planned') sessionToConduct = s.id;
  } else {
    const cpId = input.contactPointId ?? ownContactPointId;
    if (!cpId) throw new AppError('VALIDATION', 'Choose the contact point', [{ path: 'contactPointId', key: 'required' }]);
    const cp = await getContactPoint(trx, cpId);
    date = input.date!;
    if (!openOn(cp, date)) {
      throw new AppError('VALIDATION', 'The contact point was not open on that date', [{ path: 'date', key: 'invalid' }]);
    }
    contactPointId = cp.id;
    districtId = cp.district_id;
  }
  if (input.followUpOn && input.followUpOn < date) throw new AppError('VALIDATION', 'Follow-up before the consultation', [{ path: 'followUpOn', key: 'dateOrder' }]);
  if (input.caseId) {
    const kase = await trx.selectFrom('cases').select('client_id').where('id', '=', input.caseId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!kase || kase.client_id !== input.clientId) throw new AppError('VALIDATION', "Not one of the client's cases", [{ path: 'caseId', key: 'invalid' }]);
  }
  if (input.lawyerUserId) {
    const u = await trx.selectFrom('users').select('id').where('id', '=', input.lawyerUserId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!u) throw new AppError('VALIDATION', 'No such user', [{ path: 'lawyerUserId', key: 'invalid' }]);
  }

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
async function replaceChildren(ctx: WriteCtx, consultationId: string, input: ConsultationInput): Promise<void> {
  const { trx, w } = ctx;
  const issues = await trx.selectFrom('consultation_issues').select(['id', 'issue']).where('consultation_id', '=', consultationId).where('deleted_at', 'is', null).execute();
  const wanted = new Set(input.issues);
  for (const r of issues) if (!wanted.has(r.issue as IssueCategory)) await tombstoneRow(trx, w, 'consultation_issues', r.id);
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
    if (!byReferral.has(r.referral as Referral)) await tombstoneRow(trx, w, 'consultation_referrals', r.id);
    else await updateRow(trx, w, 'consultation_referrals', r.id, { note: byReferral.get(r.referral as Referral)! });
  }
  const haveRef = new Set(referrals.map((r) => r.referral));
  for (const [referral, note] of byReferral) if (!haveRef.has(referral)) await insertRow(trx, w, 'consultation_referrals', { consultation_id: consultationId, referral, note });
}
