import { listCaseRows, searchedCaseRows, type CaseListFilter, type CaseListRow } from '../../db/queries/cases';
import type { Viewer } from '../../db/queries/visibility';
import type { Db } from '../../db/queries/writeContext';
import type { CaseRecord, CaseSummary, Hearing, HearingPostponement, Removed, Task } from '../../shared/api/caseTypes';
import type { Paged } from '../../shared/api/pagedCount';
import { todayIso } from '../../shared/domain/dates';

// Cases as the screens show them: the record, the summary of the lists, hearings and tasks.

export function toCaseRecord(r: CaseListRow): CaseRecord {
  return {
    id: r.id,
    number: r.number,
    caseType: r.case_type,
    status: r.status,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    clientId: r.client_id,
    clientName: `${r.surname} ${r.given_name}`,
    responsibleUserId: r.responsible_user_id,
    responsibleName: r.responsible_name,
    courtName: r.court_name,
    courtCaseNumber: r.court_case_number,
    outcome: r.outcome,
    nextHearingOn: r.next_hearing_on,
    updatedAt: r.updated_at,
    contactPointId: r.contact_point_id,
    courtDistrictId: r.court_district_id,
    judge: r.judge,
    respondentName: r.respondent_name,
    respondentBirthDate: r.respondent_birth_date,
    respondentAddress: r.respondent_address,
    respondentWhereabouts: r.respondent_whereabouts,
    respondentPhone: r.respondent_phone,
    conflictNote: r.conflict_note,
    monthlyAlimonyDiram: r.monthly_alimony_diram,
    arrearsRecoveredDiram: r.arrears_recovered_diram,
    notes: r.notes,
    ...(r.sensitive ? { sensitive: r.sensitive } : {}),
  };
}

function toCaseSummary(r: CaseRecord): CaseSummary {
  const { id, number, caseType, status, openedOn, closedOn, clientId, clientName, responsibleUserId, responsibleName, courtName, courtCaseNumber, outcome, nextHearingOn, updatedAt, sensitive } = r;
  return { id, number, caseType, status, openedOn, closedOn, clientId, clientName, responsibleUserId, responsibleName, courtName, courtCaseNumber, outcome, nextHearingOn, updatedAt, ...(sensitive ? { sensitive } : {}) };
}

/**
 * The place of a case the reader may not see: its number, kind, status and dates (the list's sort
 * columns) and who is responsible (whom to ask); nothing of its client, court or hearings.
 */
function restrictedCase(r: CaseSummary): CaseSummary {
  const { id, number, caseType, status, openedOn, closedOn, clientId, responsibleUserId, responsibleName, outcome, updatedAt } = r;
  return { id, number, caseType, status, openedOn, closedOn, clientId, clientName: '', responsibleUserId, responsibleName, courtName: '', courtCaseNumber: '', outcome, nextHearingOn: null, updatedAt, restricted: true };
}

/** A page of cases as `f.viewer` may see them (a hidden one as restricted, or left out of a search). */
export async function listCases(db: Db, f: CaseListFilter, today: string = todayIso()): Promise<Paged<CaseSummary>> {
  const { rows, total } = await listCaseRows(db, f, today);
  return { rows: rows.map((r) => (r.restricted ? restrictedCase(toCaseSummary(toCaseRecord(r))) : toCaseSummary(toCaseRecord(r)))), total };
}

/** The cases a search names (searchedCaseRows), as their reader may see them. */
export async function searchedCases(db: Db, viewer: Viewer, by: Parameters<typeof searchedCaseRows>[2], limit: number, today: string = todayIso()): Promise<CaseSummary[]> {
  return (await searchedCaseRows(db, viewer, by, limit, today)).map((r) => toCaseSummary(toCaseRecord(r)));
}

export function toHearing(h: { id: string; case_id: string; date: string; time: string; place: string; result: string; notes: string }): Hearing {
  return { id: h.id, caseId: h.case_id, date: h.date, time: h.time, place: h.place, result: h.result, notes: h.notes };
}

export function toTask(t: { id: string; case_id: string | null; title: string; due_on: string | null; done_on: string | null; assignee_user_id: string | null }): Task {
  return { id: t.id, caseId: t.case_id, title: t.title, dueOn: t.due_on, doneOn: t.done_on, assigneeUserId: t.assignee_user_id };
}

export function toPostponement(p: { id: string; hearing_id: string; from_date: string; from_time: string; to_date: string; to_time: string; reason: string; created_at: string }): HearingPostponement {
  return { id: p.id, hearingId: p.hearing_id, fromDate: p.from_date, fromTime: p.from_time, toDate: p.to_date, toTime: p.to_time, reason: p.reason, recordedAt: p.created_at };
}

/** A removed row as the case page lists it: the item as it was, the reason and when. */
export function toRemoved<R extends { removal_reason: string; deleted_at: string | null }, T>(row: R, view: (r: R) => T): Removed<T> {
  return { item: view(row), reason: row.removal_reason, removedAt: row.deleted_at ?? '' };
}
