import { caseColumns, caseStatusPatch, statusHistoryColumns, type CaseFields } from '../../db/queries/cases';
import { hearingColumns, taskColumns, type HearingFields, type TaskFields } from '../../db/queries/caseWork';
import { childColumns, clientColumns, householdColumns, householdIdOf, type ClientFields } from '../../db/queries/clientWrite';
import { consultationColumns, snapColumns, snapshotClient, snapshotHousehold, type ConsultationFields, type ConsultationPlace } from '../../db/queries/consultations';
import { contactPointColumns, type ContactPointFields } from '../../db/queries/contactPoints';
import { filingColumns } from '../../db/queries/documents';
import { sessionColumns, teamMemberColumns, type SessionFields } from '../../db/queries/mobileSessions';
import type { CaseOutcome, CaseStatus } from '../../shared/domain/enums';
import { takeSnapshot, type SnapshotClient, type SnapshotHousehold } from '../../shared/domain/snapshot';
import type { BulkWriter } from './bulkWriter';

// The repository functions of db/queries (saveContactPoint, saveSession, writeSessionStatus, saveClient,
// saveConsultation, saveCase, writeCaseStatus, saveHearing, saveTask, completeTask, insertFilingDocument)
// for NEW records, onto the BulkWriter: the rows come from the repositories' own column functions
// (contactPointColumns, sessionColumns, clientColumns, consultationColumns, snapColumns, …) applied to
// the same inputs (the generator's go through the API's zod schemas, as the screens' do), the snapshot
// from the same columns through snapshotClient/snapshotHousehold and takeSnapshot; what is left here is
// the order of the writes and the audit entries. The checks the services make are the generator's job
// (it only produces valid data). test/bench/seed.test.ts writes every method both ways and compares
// rows, change messages and audit entries.

export type ClientIn = ClientFields;
export type ConsultationIn = ConsultationFields;
export type CaseIn = CaseFields;

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

  contactPoint(input: ContactPointFields): string {
    const id = this.w.insert('contact_points', contactPointColumns(input));
    this.w.audit('contact_point.create', 'contact_points', id);
    return id;
  }

  session(input: SessionFields, cp: { id: string; code: string }): string {
    const prefix = `${cp.code}-${input.date.replace(/-/g, '')}-`;
    const n = (this.sessionCodes.get(prefix) ?? 0) + 1;
    this.sessionCodes.set(prefix, n);
    const id = this.w.insert('mobile_sessions', { ...sessionColumns(input, input.code || `${prefix}${n}`, cp.id), status: 'planned', status_changed_on: null });
    this.w.audit('mobile_session.create', 'mobile_sessions', id);
    for (const m of input.team) this.w.insert('mobile_session_team', { ...teamMemberColumns(m, m.name), mobile_session_id: id });
    if (input.team.length) this.w.audit('mobile_session.team', 'mobile_sessions', id, { added: input.team.length, removed: 0 });
    return id;
  }

  /** writeSessionStatus (or the first consultation in a planned session, `byConsultation`). */
  sessionStatus(id: string, from: 'planned', to: 'conducted' | 'cancelled', today: string, byConsultation: boolean): void {
    this.w.update('mobile_sessions', id, { status: to, status_changed_on: today });
    this.w.audit('mobile_session.status', 'mobile_sessions', id, byConsultation ? { from, to, by: 'consultation' } : { from, to });
  }

  client(input: ClientIn, today: string): ClientState {
    const columns = clientColumns(input, input.birthDate || input.age === null ? null : today);
    const id = this.w.insert('clients', { ...columns, merged_into_id: null, erased_at: null, recorded_by_user_id: this.w.userId });
    for (const p of input.phones) this.w.insert('client_phones', { client_id: id, phone: p.phone, label: p.label });
    const household = input.household && { ...householdColumns(input.household), client_id: id, abandoned_override: null, abandoned_override_reason: '' };
    if (household) this.w.insert('migrant_households', household, householdIdOf(id));
    for (const c of input.children) this.w.insert('children', { ...childColumns(c), client_id: id });
    this.w.audit('client.create', 'clients', id, { fields: [], phones: input.phones.length, household: household !== null, children: input.children.length });
    return { id, snap: snapshotClient(columns), household: household && snapshotHousehold(household) };
  }

  /** saveConsultation for a new consultation (insertConsultation); the venue is already resolved (date, contact point, district). */
  consultation(input: ConsultationIn, client: ClientState, place: ConsultationPlace, conductSessionOn: string | null): string {
    const s = takeSnapshot(client.snap, client.household, place.date);
    const id = this.w.insert('consultations', { ...consultationColumns(input, place), ...snapColumns(s) });
    for (const issue of new Set(input.issues)) this.w.insert('consultation_issues', { consultation_id: id, issue });
    for (const [referral, note] of new Map(input.referrals.map((r) => [r.referral, r.note]))) {
      this.w.insert('consultation_referrals', { consultation_id: id, referral, note });
    }
    this.w.audit('consultation.create', 'consultations', id, {
      clientId: input.clientId,
      fields: [],
      snapshot: true,
      issues: input.issues.length,
      referrals: input.referrals.length,
    });
    if (conductSessionOn && input.mobileSessionId) this.sessionStatus(input.mobileSessionId, 'planned', 'conducted', conductSessionOn, true);
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
    this.w.insert('case_status_history', statusHistoryColumns(id, 'open', openedOn, userId, ''));
    this.w.audit('case.create', 'cases', id, { clientId: input.clientId, caseType: input.caseType });
    return { id, number };
  }

  caseStatus(id: string, from: CaseStatus, to: CaseStatus, on: string, outcome: CaseOutcome | null, userId: string): void {
    this.w.update('cases', id, caseStatusPatch(to, on, outcome));
    this.w.insert('case_status_history', statusHistoryColumns(id, to, on, userId, ''));
    this.w.audit('case.status', 'cases', id, { from, to, outcome });
  }

  hearing(input: HearingFields): string {
    const id = this.w.insert('hearings', hearingColumns(input));
    this.w.audit('hearing.create', 'hearings', id, { caseId: input.caseId });
    return id;
  }

  task(input: TaskFields): string {
    const id = this.w.insert('tasks', { ...taskColumns(input), done_on: null });
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
