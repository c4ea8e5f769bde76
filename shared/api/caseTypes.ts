import type { CaseOutcome, CaseStatus, CaseType } from '../domain/enums';
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
}

export interface CaseRecord extends CaseSummary {
  contactPointId: string | null;
  courtDistrictId: string | null;
  judge: string;
  respondentName: string;
  respondentBirthDate: string | null;
  respondentAddress: string;
  respondentWhereabouts: string;
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
  tasks: Task[];
  consultations: ConsultationSummary[];
  client: ClientSummary;
  /** Statuses setStatus accepts from the current one (shared/domain/caseWorkflow.ts). */
  allowedNext: CaseStatus[];
}
