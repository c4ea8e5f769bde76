import type { CaseType, MobileSessionStatus, UserRole } from '../domain/enums';

// Output types of the calendar channels. Dates are ISO YYYY-MM-DD, times HH:MM (empty: not set).

export interface CalendarHearing {
  id: string;
  caseId: string;
  date: string;
  time: string;
  place: string;
  caseNumber: string;
  caseType: CaseType;
  courtName: string;
  courtCaseNumber: string;
  responsibleName: string;
  clientId: string;
  clientName: string;
}

export interface CalendarTask {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  title: string;
  dueOn: string;
  doneOn: string | null;
  /** Not done and due before today. */
  overdue: boolean;
}

export interface CalendarSession {
  id: string;
  code: string;
  date: string;
  status: MobileSessionStatus;
  districtId: string;
  jamoat: string;
  village: string;
}

export interface CalendarRange {
  from: string;
  to: string;
  today: string;
  hearings: CalendarHearing[];
  tasks: CalendarTask[];
  sessions: CalendarSession[];
}

/** The signed-in user's own work: shown at unlock and on the start page. */
export interface CalendarReminders {
  today: string;
  hearingsToday: CalendarHearing[];
  /** Tomorrow and the six days after it. */
  hearingsNext7Days: CalendarHearing[];
  overdueTasks: CalendarTask[];
}

/** A user who may be responsible for cases. */
export interface CaseHolder {
  id: string;
  name: string;
  role: UserRole;
  active: boolean;
}
