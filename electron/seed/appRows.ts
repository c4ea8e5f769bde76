import type { z } from 'zod';
import { clientColumns, householdColumns } from '../../db/queries/clientWrite';
import { contactPointColumns } from '../../db/queries/contactPoints';
import { caseColumns } from '../../db/queries/cases';
import { snapColumns } from '../../db/queries/consultations';
import { filingColumns } from '../../db/queries/documents';
import { int } from '../../db/queries/writeContext';
import type { caseInput, clientInput, consultationInput, contactPointInput, hearingInput, sessionInput, taskInput } from '../../shared/api/caseTrackingInputs';
import type { CaseOutcome, CaseStatus } from '../../shared/domain/enums';
import { takeSnapshot, type SnapshotClient, type SnapshotHousehold } from '../../shared/domain/snapshot';
import type { BulkWriter } from './bulkWriter';

// The repository functions of db/queries (saveContactPoint, saveSession, saveClient, saveConsultation,
// saveCase, setCaseStatus, saveHearing, saveTask, completeTask, insertFilingDocument) for NEW records,
// mirrored column for column onto the BulkWriter: the same values from the same parsed inputs (the
// inputs go through the API's zod schemas), the same snapshot (shared/domain/snapshot.ts), the same
// search keys (shared/domain/names.ts), the same audit entries. The checks those functions make are the
// generator's job (it only produces valid data). test/bench/seed.test.ts compares both paths.

export type ClientIn = z.output<typeof clientInput>;
export type ConsultationIn = z.output<typeof consultationInput>;
export type CaseIn = z.output<typeof caseInput>;

/** What a consultation's snapshot needs of a client, kept in memory while seeding. */
export interface ClientState {
  id: string;
  snap: SnapshotClient;
  household: SnapshotHousehold | null;
}

export class AppRows {
  private readonly caseNumbers = new Map<string, number>();
  private readonly sessionCodes = new Map<string, number>();

  constructor(readonly w: BulkWriter) {}

  contactPoint(input: z.output<typeof contactPointInput>): string {
    const id = this.w.insert('contact_points', contactPointColumns(input));
    this.w.audit('contact_point.create', 'contact_points', id);
    return id;
  }

  session(input: z.output<typeof sessionInput>, cp: { id: string; code: string }): string {
    const prefix = `${cp.code}-${input.date.replace(/-/g, '')}-`;
    const n = (this.sessionCodes.get(prefix) ?? 0) + 1;
    this.sessionCodes.set(prefix, n);
    const id = this.w.insert('mobile_sessions', {
      code: input.code || `${prefix}${n}`,
      contact_point_id: cp.id,
      date: input.date,
      district_id: input.districtId,
      jamoat: input.jamoat,
      village: input.village,
      partner_authority: input.partnerAuthority,
      notes: input.notes,
      status: 'planned',
      status_changed_on: null,
    });
    this.w.audit('mobile_session.create', 'mobile_sessions', id);
    for (const m of input.team) this.w.insert('mobile_session_team', { staff_id: m.staffId, name: m.name, role: m.role, mobile_session_id: id });
    if (input.team.length) this.w.audit('mobile_session.team', 'mobile_sessions', id, { added: input.team.length, removed: 0 });
    return id;
  }

  /** setSessionStatus (or the first consultation in a planned session, `byConsultation`). */
  sessionStatus(id: string, from: 'planned', to: 'conducted' | 'cancelled', today: string, byConsultation: boolean): void {
    this.w.update('mobile_sessions', id, { status: to, status_changed_on: today });
    this.w.audit('mobile_session.status', 'mobile_sessions', id, byConsultation ? { from, to, by: 'consultation' } : { from, to });
  }

  client(input: ClientIn, today: string): ClientState {
    const id = this.w.insert('clients', {
      ...clientColumns(input, input.birthDate || input.age === null ? null : today),
      merged_into_id: null,
      erased_at: null,
    });
    for (const p of input.phones) this.w.insert('client_phones', { client_id: id, phone: p.phone, label: p.label });
    const h = input.household;
    if (h) {
      this.w.insert('migrant_households', { ...householdColumns(h), client_id: id, abandoned_override: null, abandoned_override_reason: '' });
    }
    for (const c of input.children) {
      this.w.insert('children', {
        surname: c.surname,
        given_name: c.givenName,
        patronymic: c.patronymic,
        birth_date: c.birthDate,
        sex: c.sex,
        birth_certificate: c.birthCertificate,
        paternity_registered: int(c.paternityRegistered),
        notes: c.notes,
        client_id: id,
      });
    }
    this.w.audit('client.create', 'clients', id, { fields: [], phones: input.phones.length, household: h !== null, children: input.children.length });
    return {
      id,
      snap: {
        sex: input.sex,
        birthDate: input.birthDate,
        ageRecorded: input.birthDate ? null : input.age,
        ageRecordedOn: input.birthDate || input.age === null ? null : today,
        employment: input.employment,
        education: input.education,
        residenceType: input.residenceType,
        socialAssistance: input.socialAssistance,
        residenceDistrictId: input.residenceDistrictId,
      },
      household: h
        ? { relation: h.relation, departureDate: h.departureDate, lastRemittanceDate: h.lastRemittanceDate, maritalStatus: h.maritalStatus, abandonedOverride: null }
        : null,
    };
  }

  /** saveConsultation for a new consultation; the venue is already resolved (date, contact point, district). */
  consultation(input: ConsultationIn, client: ClientState, venue: { date: string; contactPointId: string; districtId: string }, conductSessionOn: string | null): string {
    const s = takeSnapshot(client.snap, client.household, venue.date);
    const id = this.w.insert('consultations', {
      client_id: input.clientId,
      date: venue.date,
      venue_kind: input.venueKind,
      contact_point_id: venue.contactPointId,
      mobile_session_id: input.venueKind === 'mobile_session' ? input.mobileSessionId : null,
      district_id: venue.districtId,
      lawyer_user_id: input.lawyerUserId,
      lawyer_name: input.lawyerName,
      kind: input.kind,
      advice: input.advice,
      follow_up_on: input.followUpOn,
      case_id: input.caseId,
      ...snapColumns(s),
    });
    for (const issue of new Set(input.issues)) this.w.insert('consultation_issues', { consultation_id: id, issue });
    for (const [referral, note] of new Map(input.referrals.map((r) => [r.referral, r.note]))) {
      this.w.insert('consultation_referrals', { consultation_id: id, referral, note });
    }
    if (conductSessionOn && input.mobileSessionId) this.sessionStatus(input.mobileSessionId, 'planned', 'conducted', conductSessionOn, true);
    this.w.audit('consultation.create', 'consultations', id, {
      clientId: input.clientId,
      fields: [],
      snapshot: true,
      issues: input.issues.length,
      referrals: input.referrals.length,
    });
    return id;
  }

  /** saveCase for a new case: numbered <contact point code>-<year>-<NNNN>, history row "open". */
  kase(input: CaseIn, cp: { id: string; code: string }, userId: string): { id: string; number: string } {
    const openedOn = input.openedOn!;
    const prefix = `${cp.code}-${openedOn.slice(0, 4)}-`;
    const n = (this.caseNumbers.get(prefix) ?? 0) + 1;
    this.caseNumbers.set(prefix, n);
    const number = input.number || `${prefix}${String(n).padStart(4, '0')}`;
    const id = this.w.insert('cases', { ...caseColumns(input, number, openedOn, cp.id), status: 'open', closed_on: null, outcome: null, details: '{}' });
    this.w.insert('case_status_history', { case_id: id, status: 'open', changed_on: openedOn, user_id: userId, note: '' });
    this.w.audit('case.create', 'cases', id, { clientId: input.clientId, caseType: input.caseType });
    return { id, number };
  }

  caseStatus(id: string, from: CaseStatus, to: CaseStatus, on: string, outcome: CaseOutcome | null, userId: string): void {
    const patch: Record<string, unknown> = { status: to };
    if (to === 'closed') {
      patch.closed_on = on;
      patch.outcome = outcome;
    } else if (outcome) patch.outcome = outcome;
    this.w.update('cases', id, patch);
    this.w.insert('case_status_history', { case_id: id, status: to, changed_on: on, user_id: userId, note: '' });
    this.w.audit('case.status', 'cases', id, { from, to, outcome });
  }

  hearing(input: z.output<typeof hearingInput>): string {
    const id = this.w.insert('hearings', { case_id: input.caseId, date: input.date, time: input.time, place: input.place, result: input.result, notes: input.notes });
    this.w.audit('hearing.create', 'hearings', id, { caseId: input.caseId });
    return id;
  }

  task(input: z.output<typeof taskInput>): string {
    const id = this.w.insert('tasks', { case_id: input.caseId, title: input.title, due_on: input.dueOn, assignee_user_id: input.assigneeUserId, done_on: null });
    this.w.audit('task.create', 'tasks', id, { caseId: input.caseId });
    return id;
  }

  completeTask(id: string, on: string): void {
    this.w.update('tasks', id, { done_on: on });
    this.w.audit('task.complete', 'tasks', id);
  }

  /** insertFilingDocument: a generated filing stored with its case. */
  filing(d: { caseId: string; clientId: string; title: string; fileName: string; content: Buffer; sha256?: string; language: string; templateId: string; templateVersion: string; legalRefVersion: string; dataHash: string }, userId: string): string {
    const id = this.w.insert('documents', filingColumns(d, userId, d.sha256));
    this.w.audit('document.create', 'documents', id, { caseId: d.caseId, templateId: d.templateId, templateVersion: d.templateVersion, language: d.language });
    return id;
  }
}
