import { getConsultationRow, listConsultationRows, referralRows, type ConsultationListFilter, type ConsultationListRow } from '../../db/queries/consultations';
import { bool, type Db } from '../../db/queries/writeContext';
import type { ConsultationDetail, ConsultationSummary } from '../../shared/api/consultationTypes';
import type { Paged } from '../../shared/api/pagedCount';
import type { Viewer } from '../../db/queries/visibility';

// Consultations as the screens show them: the rows of a list, and one consultation with its advice,
// referrals and the client's status as recorded with it (the snapshot the indicators count).

/** A reader who sees every record, for a consultation whose caller has already checked the user. */
const EVERY_RECORD: Viewer = { userId: '', role: 'administrator' };

function toConsultationSummary(r: ConsultationListRow): ConsultationSummary {
  return {
    id: r.id,
    date: r.date,
    clientId: r.client_id,
    clientName: `${r.surname} ${r.given_name}`,
    venueKind: r.venue_kind,
    contactPointId: r.contact_point_id,
    mobileSessionId: r.mobile_session_id,
    sessionCode: r.session_code,
    districtId: r.district_id,
    lawyerUserId: r.lawyer_user_id,
    lawyerName: r.lawyer_name,
    kind: r.kind,
    issues: r.issues,
    followUpOn: r.follow_up_on,
    caseId: r.case_id,
    migrantHousehold: r.snap_migrant_household !== 0,
    abandoned: bool(r.snap_abandoned),
  };
}

/** The place of a consultation the reader may not see: its date, venue and lawyer; no client, issues or case. */
function restrictedConsultation(c: ConsultationSummary): ConsultationSummary {
  return { ...c, clientName: '', issues: [], caseId: null, migrantHousehold: false, abandoned: null, restricted: true };
}

export async function listConsultations(db: Db, f: ConsultationListFilter): Promise<Paged<ConsultationSummary>> {
  const { rows, total } = await listConsultationRows(db, f);
  return { rows: rows.map((r) => (r.restricted ? restrictedConsultation(toConsultationSummary(r)) : toConsultationSummary(r))), total };
}

/** Every consultation of a client, a case or a session (up to 500), as a detail page lists them to `viewer`. */
export async function consultationsOf(
  db: Db,
  viewer: Viewer,
  of: Pick<ConsultationListFilter, 'clientId' | 'caseId' | 'mobileSessionId'>,
  dir: 'asc' | 'desc',
): Promise<ConsultationSummary[]> {
  return (await listConsultations(db, { ...of, sort: 'date', dir, offset: 0, limit: 500, viewer })).rows;
}

/** One consultation (the caller has checked that the user may see its client and case, or prints nothing personal). */
export async function getConsultation(db: Db, id: string): Promise<ConsultationDetail> {
  const k = await getConsultationRow(db, id);
  // Read as an administrator would: the callers decide what the user may see.
  const { rows } = await listConsultationRows(db, { onlyId: id, sort: 'date', dir: 'desc', offset: 0, limit: 1, viewer: EVERY_RECORD });
  return {
    ...toConsultationSummary(rows[0]!),
    advice: k.advice,
    referrals: await referralRows(db, id),
    createdAt: k.created_at,
    updatedAt: k.updated_at,
    snapshot: {
      sex: k.snap_sex,
      age: k.snap_age,
      ageBand: k.snap_age_band,
      migrantHousehold: k.snap_migrant_household !== 0,
      relation: k.snap_relation,
      maritalStatus: k.snap_marital_status,
      abandoned: bool(k.snap_abandoned),
      abandonedComputed: bool(k.snap_abandoned_computed),
      abandonedReason: k.snap_abandoned_reason,
      employment: k.snap_employment,
      education: k.snap_education,
      residence: k.snap_residence,
      socialAssistance: bool(k.snap_social_assistance),
      residenceDistrictId: k.snap_residence_district_id,
    },
  };
}
