import type { Snapshot } from '../domain/snapshot';
import type {
  ConsultationKind,
  IssueCategory,
  Referral,
  VenueKind,
} from '../domain/enums';
import type { ClientDetail } from './clientTypes';

// Output types of the consultation, desk and receipt channels. Dates are ISO YYYY-MM-DD.

export interface ConsultationSummary {
  id: string;
  date: string;
  clientId: string;
  clientName: string;
  venueKind: VenueKind;
  contactPointId: string;
  mobileSessionId: string | null;
  sessionCode: string | null;
  districtId: string;
  lawyerUserId: string | null;
  lawyerName: string;
  kind: ConsultationKind;
  issues: IssueCategory[];
  followUpOn: string | null;
  caseId: string | null;
  migrantHousehold: boolean;
  abandoned: boolean | null;
  /** The reader may not see it (a sensitive client or case): only its place is shown, no name or issues. */
  restricted?: true;
}

export interface ConsultationDetail extends ConsultationSummary {
  advice: string;
  referrals: Array<{ referral: Referral; note: string }>;
  /** The client's status as recorded with the consultation (what the indicators count). */
  snapshot: Snapshot;
  createdAt: string;
  updatedAt: string;
}

export interface DeskRegistration {
  clientId: string;
  consultationId: string;
  client: ClientDetail;
}
