import type { CaseType } from '../domain/enums';
import type { CaseSummary, Hearing, Task } from './caseTypes';
import type { ClientSummary } from './clientTypes';

// Output types of the dashboard and the global search.

export interface SearchResult {
  clients: Array<ClientSummary & { matchedBy: 'name' | 'phone' | 'id_document' }>;
  cases: Array<CaseSummary & { matchedBy: 'name' | 'phone' | 'id_document' | 'court_case_number' | 'number' }>;
}

export interface DashboardHearing extends Hearing {
  caseNumber: string;
  caseType: CaseType;
  courtCaseNumber: string;
  clientId: string;
  clientName: string;
}

export interface DashboardTask extends Task {
  caseNumber: string | null;
  clientId: string | null;
  clientName: string | null;
}

export interface DashboardSummary {
  today: string;
  week: { from: string; to: string };
  hearingsToday: DashboardHearing[];
  /** Hearings of the current week (Monday–Sunday), today's included. */
  hearingsThisWeek: DashboardHearing[];
  overdueTasks: DashboardTask[];
  openCasesByType: Array<{ caseType: CaseType; count: number }>;
  month: {
    from: string;
    to: string;
    consultations: number;
    newClients: number;
    /** Distinct women from migrant households with a consultation this month (as recorded then). */
    migrantWomen: number;
    sessionsConducted: number;
  };
}
