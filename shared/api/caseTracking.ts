import type { AbandonmentReason } from '../domain/abandonment';
import type { Snapshot } from '../domain/snapshot';
import type {
  CaseOutcome,
  CaseStatus,
  CaseType,
  ConsentMethod,
  ConsultationKind,
  Education,
  Employment,
  IssueCategory,
  MaritalStatus,
  Referral,
  RelationToMigrant,
  Residence,
  SessionStatus,
  Sex,
  VenueKind,
} from '../domain/enums';

// Output types of the case-tracking channels (issue 3). Dates are ISO YYYY-MM-DD, instants ISO
// timestamps, money in diram (integers; shared/domain/money.ts converts).

export interface Paged<T> {
  rows: T[];
  /** How many rows match the filters, for the scroll bar of a virtual list. */
  total: number;
  /**
   * Set when counting stopped early (a filter that tests every row, on a large database): at least
   * `total` rows match. A deeper page counts further, so the list grows as it is scrolled.
   */
  totalAtLeast?: true;
}

export interface ContactPoint {
  id: string;
  code: string;
  name: string;
  districtId: string;
  address: string;
  organisation: string;
  establishedOn: string;
  closedOn: string | null;
  notes: string;
  staffCount: number;
  /** This installation is this contact point. */
  isOwn: boolean;
}

export interface StaffMember {
  id: string;
  contactPointId: string | null;
  userId: string | null;
  fullName: string;
  position: string;
  phone: string;
  active: boolean;
}

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
  status: SessionStatus;
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

export interface ClientSummary {
  id: string;
  surname: string;
  givenName: string;
  patronymic: string;
  sex: Sex;
  birthDate: string | null;
  /** Age today (from the birth date, or the recorded age moved on by the years since). */
  age: number | null;
  phone: string;
  idDocNumber: string;
  residenceDistrictId: string | null;
  migrantHousehold: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ClientRecord extends ClientSummary {
  ageRecorded: number | null;
  ageRecordedOn: string | null;
  idDocType: string;
  residenceJamoat: string;
  residenceVillage: string;
  residenceAddress: string;
  residenceType: Residence;
  languages: string[];
  employment: Employment;
  education: Education;
  socialAssistance: boolean | null;
  consentOn: string | null;
  consentMethod: ConsentMethod | null;
  notes: string;
  /** Set when her personal data was erased on request: the record then only anchors statistics. */
  erasedAt: string | null;
}

export interface ClientPhone {
  id: string;
  phone: string;
  label: string;
}

export interface MigrantHousehold {
  id: string;
  relation: RelationToMigrant;
  migrantSurname: string;
  migrantGivenName: string;
  migrantPatronymic: string;
  migrantBirthDate: string | null;
  country: string;
  city: string;
  departureDate: string | null;
  lastContactDate: string | null;
  lastRemittanceDate: string | null;
  maritalStatus: MaritalStatus;
  abandonedOverride: boolean | null;
  abandonedOverrideReason: string;
  notes: string;
}

export interface Child {
  id: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string | null;
  sex: Sex | null;
  birthCertificate: string;
  paternityRegistered: boolean | null;
  notes: string;
}

/** "Abandoned" as of a date: what the rule computes, why, and the lawyer's override. */
export interface AbandonmentStatus {
  asOf: string;
  computed: boolean | null;
  reason: AbandonmentReason;
  override: boolean | null;
  overrideReason: string;
  /** override ?? computed: what a consultation recorded on `asOf` would store. */
  effective: boolean | null;
}

export interface ClientDetail {
  client: ClientRecord;
  phones: ClientPhone[];
  household: MigrantHousehold | null;
  children: Child[];
  /** null when the client has no migrant household. */
  abandonment: AbandonmentStatus | null;
  consultations: ConsultationSummary[];
  cases: CaseSummary[];
}

export type DuplicateReason = 'name_birth_date' | 'name' | 'phone' | 'id_document';

export interface DuplicateCandidate {
  client: ClientSummary;
  reasons: DuplicateReason[];
}

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
}

export interface ConsultationDetail extends ConsultationSummary {
  advice: string;
  referrals: Array<{ referral: Referral; note: string }>;
  /** The client's status as recorded with the consultation (what the indicators count). */
  snapshot: Snapshot;
  createdAt: string;
  updatedAt: string;
}

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

export interface CaseDetail {
  case: CaseRecord;
  history: CaseStatusChange[];
  hearings: Hearing[];
  tasks: Task[];
  consultations: ConsultationSummary[];
  client: ClientSummary;
  /** Statuses setStatus accepts from the current one (shared/domain/caseWorkflow.ts). */
  allowedNext: CaseStatus[];
}

export interface DeskRegistration {
  clientId: string;
  consultationId: string;
  client: ClientDetail;
}

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

