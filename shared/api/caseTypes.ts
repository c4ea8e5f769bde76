import type { CaseOutcome, CaseStatus, CaseType, SensitiveKind } from '../domain/enums';
import type { ClientSummary } from './clientTypes';
import type { ConsultationSummary } from './consultationTypes';

// Output types of the case channels (status, hearings, tasks). Dates are ISO YYYY-MM-DD.

export interface CaseSummary {
  id: string;
  number: string;
  caseType: CaseType;
  status: CaseStatus;
  openedOn: string;
  closedOn: string | null;
  clientId: string;
  clientName: string;
  responsibleUserId: string | null;
  responsibleName: string;
  courtName: string;
  courtCaseNumber: string;
  outcome: CaseOutcome | null;
  nextHearingOn: string | null;
  updatedAt: string;
  /** Set when the case is marked sensitive (shared/domain/sensitivity.ts): why. */
  sensitive?: SensitiveKind;
  /** The reader may not see it: only its place in the list is shown (no client, court or hearing). */
  restricted?: true;
}

export interface CaseRecord extends CaseSummary {
  contactPointId: string | null;
  courtDistrictId: string | null;
  judge: string;
  respondentName: string;
  respondentBirthDate: string | null;
  respondentAddress: string;
  respondentWhereabouts: string;
  respondentPhone: string;
  /** Why the lawyer went on although the respondent matched a client of the office ('' : no such decision). */
  conflictNote: string;
  monthlyAlimonyDiram: number | null;
  arrearsRecoveredDiram: number | null;
  notes: string;
}

export interface CaseStatusChange {
  id: string;
  status: CaseStatus;
  changedOn: string;
  userId: string | null;
  note: string;
}

export interface Hearing {
  id: string;
  caseId: string;
  date: string;
  time: string;
  place: string;
  result: string;
  notes: string;
}

export interface Task {
  id: string;
  caseId: string | null;
  title: string;
  dueOn: string | null;
  doneOn: string | null;
  assigneeUserId: string | null;
}

/** A hearing moved to another date: where it was and why it moved. */
export interface HearingPostponement {
  id: string;
  hearingId: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  reason: string;
  /** When the move was recorded (an ISO instant). */
  recordedAt: string;
}

/** A hearing or task removed from the case, with the reason given. */
export interface Removed<T> {
  item: T;
  reason: string;
  /** An ISO instant. */
  removedAt: string;
}

/** A case handed from one lawyer to another (names as they were then). */
export interface CaseTransfer {
  id: string;
  on: string;
  fromUserId: string | null;
  fromName: string;
  toUserId: string | null;
  toName: string;
  reason: string;
}

/** One lawyer's cases: open ones by status and type, the oldest open one, those closed this year. */
export interface CaseloadRow {
  /** null: cases with no lawyer of this installation. */
  userId: string | null;
  name: string;
  open: number;
  byStatus: Partial<Record<CaseStatus, number>>;
  byType: Partial<Record<CaseType, number>>;
  /** The opening date of the oldest open case (null: none open). */
  oldestOpenOn: string | null;
  closedThisYear: number;
}

export interface Caseload {
  today: string;
  /** The first day of this year: "closed this year" counts from it to today. */
  yearFrom: string;
  rows: CaseloadRow[];
  total: Omit<CaseloadRow, 'userId' | 'name'>;
}

export interface CaseDetail {
  case: CaseRecord;
  history: CaseStatusChange[];
  transfers: CaseTransfer[];
  hearings: Hearing[];
  /** The earlier dates of the live hearings, the earliest move first. */
  postponements: HearingPostponement[];
  tasks: Task[];
  removedHearings: Removed<Hearing>[];
  removedTasks: Removed<Task>[];
  consultations: ConsultationSummary[];
  client: ClientSummary;
  /** Statuses setStatus accepts from the current one (shared/domain/caseWorkflow.ts). */
  allowedNext: CaseStatus[];
}
