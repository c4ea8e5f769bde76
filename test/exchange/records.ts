import type { WriteCtx } from '../../db/queries/writeContext';
import { insertRow } from '../../db/write';
import type { CaseOutcome, IssueCategory, Referral } from '../../shared/domain/enums';

// Records written the way the app writes them (db/write.ts), with ids chosen by the test so that the
// same edit can be made on an installation and on the reference database that receives every edit.

export const KULOB = 'kt-kulob';
export const KHUJAND = 'su-khujand';
export const ISTARAVSHAN = 'su-istaravshan';

export function contactPoint(id: string, code: string, districtId: string) {
  return (ctx: WriteCtx) =>
    insertRow(ctx.trx, ctx.w, 'contact_points', { id, code, name: `Нуқтаи тамос ${code}`, district_id: districtId, address: '', organisation: '', notes: '', established_on: '2023-01-10', closed_on: null });
}

export function session(id: string, code: string, cpId: string, date: string, districtId: string) {
  return (ctx: WriteCtx) =>
    insertRow(ctx.trx, ctx.w, 'mobile_sessions', {
      id,
      code,
      contact_point_id: cpId,
      date,
      district_id: districtId,
      jamoat: '',
      village: 'деҳаи Ғозималик',
      partner_authority: '',
      notes: '',
      status: 'conducted',
      status_changed_on: date,
    });
}

export interface Person {
  id: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  phone: string;
  doc: string;
}

export function client(p: Person) {
  return async (ctx: WriteCtx) => {
    await insertRow(ctx.trx, ctx.w, 'clients', {
      id: p.id,
      surname: p.surname,
      given_name: p.givenName,
      patronymic: p.patronymic,
      search_name: '',
      search_key: '',
      residence_jamoat: '',
      residence_village: '',
      residence_address: '',
      languages: '[]',
      sex: 'F',
      birth_date: p.birthDate,
      id_doc_type: 'passport',
      id_doc_number: p.doc,
      residence_type: 'rural',
      employment: 'unemployed',
      education: 'general_secondary',
      notes: `Шавҳари ${p.givenName} соли 2021 ба Русия рафт`,
    });
    await insertRow(ctx.trx, ctx.w, 'client_phones', { id: `${p.id}-ph`, client_id: p.id, phone: p.phone, label: '' });
    await insertRow(ctx.trx, ctx.w, 'migrant_households', {
      id: `${p.id}-mh`,
      client_id: p.id,
      relation: 'wife',
      migrant_surname: 'Раҳимов',
      migrant_given_name: 'Фирӯз',
      migrant_patronymic: '',
      country: 'RU',
      city: '',
      abandoned_override_reason: '',
      notes: '',
      marital_status: 'registered',
    });
  };
}

export interface Visit {
  id: string;
  clientId: string;
  date: string;
  cpId: string;
  sessionId?: string;
  districtId: string;
  issues: IssueCategory[];
  referrals?: Referral[];
  abandoned?: number | null;
  caseId?: string;
}

export function consultation(v: Visit) {
  return async (ctx: WriteCtx) => {
    await insertRow(ctx.trx, ctx.w, 'consultations', {
      id: v.id,
      client_id: v.clientId,
      date: v.date,
      venue_kind: v.sessionId ? 'mobile_session' : 'contact_point',
      contact_point_id: v.cpId,
      mobile_session_id: v.sessionId ?? null,
      district_id: v.districtId,
      kind: 'legal',
      lawyer_name: 'Ҳакимова М.',
      snap_abandoned_reason: '',
      advice: 'Маслиҳат дар бораи алимент',
      case_id: v.caseId ?? null,
      snap_sex: 'F',
      snap_age: 34,
      snap_age_band: '30-44',
      snap_migrant_household: 1,
      snap_relation: 'wife',
      snap_marital_status: 'registered',
      snap_abandoned: v.abandoned ?? 1,
      snap_abandoned_computed: v.abandoned ?? 1,
      snap_employment: 'unemployed',
      snap_education: 'general_secondary',
      snap_residence: 'rural',
      snap_social_assistance: 0,
      snap_residence_district_id: v.districtId,
    });
    for (const [k, issue] of v.issues.entries()) await insertRow(ctx.trx, ctx.w, 'consultation_issues', { id: `${v.id}-i${k}`, consultation_id: v.id, issue });
    for (const [k, referral] of (v.referrals ?? []).entries()) {
      await insertRow(ctx.trx, ctx.w, 'consultation_referrals', { id: `${v.id}-r${k}`, consultation_id: v.id, referral, note: '' });
    }
  };
}

export function alimonyCase(id: string, clientId: string, cpId: string, closedOn: string | null, outcome: CaseOutcome | null) {
  return (ctx: WriteCtx) =>
    insertRow(ctx.trx, ctx.w, 'cases', {
      id,
      number: `A-${id.slice(-4)}`,
      client_id: clientId,
      case_type: 'alimony_share',
      status: closedOn ? 'closed' : 'open',
      opened_on: '2024-02-01',
      closed_on: closedOn,
      contact_point_id: cpId,
      respondent_name: 'Раҳимов Фирӯз',
      responsible_name: '',
      court_name: '',
      court_case_number: '',
      judge: '',
      respondent_address: '',
      respondent_whereabouts: '',
      details: '{}',
      notes: '',
      outcome,
    });
}
