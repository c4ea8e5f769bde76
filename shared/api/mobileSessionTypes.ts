import type { MobileSessionStatus } from '../domain/enums';
import type { ConsultationSummary } from './consultationTypes';

// Output types of the mobile-session channels.

export interface MobileSessionSummary {
  id: string;
  code: string;
  contactPointId: string;
  contactPointName: string;
  date: string;
  districtId: string;
  jamoat: string;
  village: string;
  partnerAuthority: string;
  status: MobileSessionStatus;
  statusChangedOn: string | null;
  notes: string;
  consultationCount: number;
  clientCount: number;
}

export interface TeamMember {
  id: string;
  staffId: string | null;
  name: string;
  role: string;
}

export interface MobileSessionDetail {
  session: MobileSessionSummary;
  team: TeamMember[];
  /** Consultations recorded in this session, with the client seen. */
  consultations: ConsultationSummary[];
}
