import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AgeBand,
  CaseOutcome,
  CaseStatus,
  CaseType,
  ConsentMethod,
  ConsultationKind,
  AttachmentType,
  DocumentKind,
  Education,
  Employment,
  InstallationRole,
  IssueCategory,
  MaritalStatus,
  Referral,
  RelationToMigrant,
  Residence,
  MobileSessionStatus,
  SensitiveKind,
  Sex,
  UserRole,
  VenueKind,
} from '../shared/domain/enums';

// The Database interface Kysely types every query with. Mirrors db/migrations (the migrations never
// import these types: they describe the schema as it was at that step). A column that holds one of a fixed
// list of values is typed as that list's union (shared/domain/enums.ts): rows read need no cast, and
// writing any other value fails to compile.

/** Columns every synced row carries (see migration 0001). */
export interface SyncedColumns {
  id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
  deleted_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable extends SyncedColumns {
  username: string;
  display_name: string;
  role: UserRole;
  active: number;
  last_login_at: string | null;
}

export interface ContactPointsTable extends SyncedColumns {
  code: string;
  name: string;
  district_id: string;
  address: string;
  organisation: string;
  established_on: string;
  closed_on: string | null;
  notes: string;
}

export interface StaffTable extends SyncedColumns {
  contact_point_id: string | null;
  user_id: string | null;
  full_name: string;
  position: string;
  phone: string;
  active: number;
}

export interface MobileSessionsTable extends SyncedColumns {
  code: string;
  contact_point_id: string;
  date: string;
  district_id: string;
  jamoat: string;
  village: string;
  partner_authority: string;
  status: MobileSessionStatus;
  status_changed_on: string | null;
  notes: string;
}

export interface MobileSessionTeamTable extends SyncedColumns {
  mobile_session_id: string;
  staff_id: string | null;
  name: string;
  role: string;
}

export interface ClientsTable extends SyncedColumns {
  surname: string;
  given_name: string;
  patronymic: string;
  search_name: string;
  search_key: string;
  sex: Sex;
  birth_date: string | null;
  age_recorded: number | null;
  age_recorded_on: string | null;
  id_doc_type: string;
  id_doc_number: string;
  residence_district_id: string | null;
  residence_jamoat: string;
  residence_village: string;
  residence_address: string;
  residence_type: Residence;
  languages: string;
  employment: Employment;
  education: Education;
  social_assistance: number | null;
  consent_on: string | null;
  consent_method: ConsentMethod | null;
  notes: string;
  merged_into_id: string | null;
  erased_at: string | null;
  /** Why the client is kept from other users (shared/domain/sensitivity.ts); null: not sensitive. */
  sensitive: SensitiveKind | null;
  recorded_by_user_id: string | null;
}

/**
 * Derived search terms of a client, kept by triggers (migration 0013): `n:` a word of the Latin name key,
 * `p:` an ending of a live phone's national number, `d:` an ending of the identity document number.
 */
export interface ClientSearchTermsTable {
  term: string;
  client_id: string;
}

export interface ClientPhonesTable extends SyncedColumns {
  client_id: string;
  phone: string;
  label: string;
}

export interface MigrantHouseholdsTable extends SyncedColumns {
  client_id: string;
  relation: RelationToMigrant;
  migrant_surname: string;
  migrant_given_name: string;
  migrant_patronymic: string;
  migrant_birth_date: string | null;
  country: string;
  city: string;
  departure_date: string | null;
  last_contact_date: string | null;
  last_remittance_date: string | null;
  marital_status: MaritalStatus;
  abandoned_override: number | null;
  abandoned_override_reason: string;
  notes: string;
}

export interface ChildrenTable extends SyncedColumns {
  client_id: string;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string | null;
  sex: Sex | null;
  birth_certificate: string;
  /** 1 has one, 0 has none, null not asked. */
  has_birth_certificate: number | null;
  paternity_registered: number | null;
  notes: string;
}

export interface CasesTable extends SyncedColumns {
  number: string;
  client_id: string;
  case_type: CaseType;
  status: CaseStatus;
  opened_on: string;
  closed_on: string | null;
  contact_point_id: string | null;
  responsible_user_id: string | null;
  responsible_name: string;
  court_name: string;
  court_district_id: string | null;
  court_case_number: string;
  judge: string;
  respondent_name: string;
  respondent_birth_date: string | null;
  respondent_address: string;
  respondent_whereabouts: string;
  respondent_phone: Generated<string>;
  /** Why the lawyer went on although the respondent matched a client of the office ('' : no such decision). */
  conflict_note: Generated<string>;
  /** Why the case is kept from other users (shared/domain/sensitivity.ts); null: not sensitive. */
  sensitive: SensitiveKind | null;
  outcome: CaseOutcome | null;
  monthly_alimony_diram: number | null;
  arrears_recovered_diram: number | null;
  details: string;
  notes: string;
}

export interface CaseStatusHistoryTable extends SyncedColumns {
  case_id: string;
  status: CaseStatus;
  changed_on: string;
  user_id: string | null;
  note: string;
}

export interface CaseTransfersTable extends SyncedColumns {
  case_id: string;
  transferred_on: string;
  from_user_id: string | null;
  from_name: string;
  to_user_id: string | null;
  to_name: string;
  reason: string;
  user_id: string | null;
}

export interface HearingsTable extends SyncedColumns {
  case_id: string;
  date: string;
  time: string;
  place: string;
  result: string;
  notes: string;
  /** Why a removed (tombstoned) hearing was removed; '' while it is live (the column's default). */
  removal_reason: Generated<string>;
}

/** One move of a hearing to another date: the earlier date and time stay as history on the case page. */
export interface HearingPostponementsTable extends SyncedColumns {
  hearing_id: string;
  from_date: string;
  from_time: string;
  to_date: string;
  to_time: string;
  reason: string;
  user_id: string | null;
}

export interface TasksTable extends SyncedColumns {
  case_id: string | null;
  title: string;
  due_on: string | null;
  done_on: string | null;
  assignee_user_id: string | null;
  /** Why a removed (tombstoned) task was removed; '' while it is live (the column's default). */
  removal_reason: Generated<string>;
}

export interface ConsultationsTable extends SyncedColumns {
  client_id: string;
  date: string;
  venue_kind: VenueKind;
  contact_point_id: string;
  mobile_session_id: string | null;
  district_id: string;
  lawyer_user_id: string | null;
  lawyer_name: string;
  kind: ConsultationKind;
  advice: string;
  follow_up_on: string | null;
  case_id: string | null;
  snap_sex: Sex;
  snap_age: number | null;
  snap_age_band: AgeBand;
  snap_migrant_household: number;
  snap_relation: RelationToMigrant | null;
  snap_marital_status: MaritalStatus | null;
  snap_abandoned: number | null;
  snap_abandoned_computed: number | null;
  snap_abandoned_reason: string;
  snap_employment: Employment;
  snap_education: Education;
  snap_residence: Residence;
  snap_social_assistance: number | null;
  snap_residence_district_id: string | null;
}

export interface ConsultationIssuesTable extends SyncedColumns {
  consultation_id: string;
  issue: IssueCategory;
}

export interface ConsultationReferralsTable extends SyncedColumns {
  consultation_id: string;
  referral: Referral;
  note: string;
}

export interface DocumentsTable extends SyncedColumns {
  case_id: string | null;
  client_id: string | null;
  kind: DocumentKind;
  title: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  content: Uint8Array;
  sha256: string;
  language: string | null;
  template_id: string | null;
  template_version: string | null;
  legal_ref_version: string | null;
  data_hash: string | null;
  created_by_user_id: string | null;
  consultation_id: string | null;
  attachment_type: AttachmentType | null;
  thumbnail: Uint8Array | null;
}

export interface LegalReferencesTable extends SyncedColumns {
  key: string;
  text_tg: string;
  text_ru: string;
  text_en: string;
  value: string;
  confirmed: number;
  source: string;
}

export interface TemplateVersionsTable extends SyncedColumns {
  template_id: string;
  language: string;
  version: string;
  content: Uint8Array;
  sha256: string;
  active: number;
  imported_by_user_id: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Another installation's audit head as one of its packages showed it. */
export interface AuditHeadsSeenTable {
  sender_installation_id: string;
  seq: number;
  hash: string;
  package_created: string;
  seen_at: string;
}

/** Where our audit head stood in a package sent to a paired installation. */
export interface AuditHeadsSentTable {
  recipient_installation_id: string;
  seq: number;
  sent_at: string;
}

/** A paired installation whose audit trail no longer holds what its earlier packages showed. */
export interface AuditWitnessAlertsTable {
  id: string;
  sender_installation_id: string;
  package_id: string;
  detected_at: string;
  witnessed_seq: number;
  witnessed_hash: string;
  /** What the package shows at that entry; null when it shows nothing there. */
  claimed_hash: string | null;
  acknowledged_at: string | null;
  acknowledged_by_user_id: string | null;
}

/** A message for a template or a legal reference from a paired installation, waiting for an administrator. */
export interface ProposedChangesTable {
  id: string;
  sender_installation_id: string;
  received_at: string;
  hlc: string;
  table_name: string;
  row_id: string;
  origin: string;
  /** The message's values as they arrived (JSON, as change_log keeps them). */
  data: string;
  status: 'pending' | 'accepted' | 'rejected';
  decided_at: string | null;
  decided_by_user_id: string | null;
}

/** A form's unsaved values, per user and form (local working state, never synced). */
export interface DraftsTable {
  user_id: string;
  form_key: string;
  client_id: string | null;
  /** The form's values as JSON. */
  data: string;
  saved_at: string;
}

/** One write: the columns it set, as a JSON object (see db/changeLog.ts), under the write's stamp. */
export interface ChangeLogTable {
  seq: Generated<number>;
  hlc: string;
  table_name: string;
  row_id: string;
  origin: string;
  data: string;
}

export interface PeersTable extends SyncedColumns {
  installation_id: string;
  role: InstallationRole;
  name: string;
  sign_public_key: string;
  enc_public_key: string;
  paired_on: string;
  last_sent_hlc: string | null;
  last_received_hlc: string | null;
}

export interface SyncConflictsTable {
  id: string;
  table_name: string;
  row_id: string;
  column_name: string;
  kept_value: string | null;
  kept_hlc: string;
  lost_value: string | null;
  lost_hlc: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export interface AppliedPackagesTable {
  package_id: string;
  sender_installation_id: string;
  kind: string;
  applied_at: string;
  period_from: string | null;
  period_to: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
  app_version: string;
}

export interface Database {
  meta: MetaTable;
  users: UsersTable;
  contact_points: ContactPointsTable;
  staff: StaffTable;
  mobile_sessions: MobileSessionsTable;
  mobile_session_team: MobileSessionTeamTable;
  clients: ClientsTable;
  client_phones: ClientPhonesTable;
  client_search_terms: ClientSearchTermsTable;
  migrant_households: MigrantHouseholdsTable;
  children: ChildrenTable;
  cases: CasesTable;
  case_status_history: CaseStatusHistoryTable;
  case_transfers: CaseTransfersTable;
  hearings: HearingsTable;
  hearing_postponements: HearingPostponementsTable;
  tasks: TasksTable;
  consultations: ConsultationsTable;
  consultation_issues: ConsultationIssuesTable;
  consultation_referrals: ConsultationReferralsTable;
  documents: DocumentsTable;
  legal_references: LegalReferencesTable;
  template_versions: TemplateVersionsTable;
  audit_log: AuditLogTable;
  audit_heads_seen: AuditHeadsSeenTable;
  audit_heads_sent: AuditHeadsSentTable;
  audit_witness_alerts: AuditWitnessAlertsTable;
  change_log: ChangeLogTable;
  proposed_changes: ProposedChangesTable;
  drafts: DraftsTable;
  peers: PeersTable;
  sync_conflicts: SyncConflictsTable;
  applied_packages: AppliedPackagesTable;
  schema_migrations: SchemaMigrationsTable;
}

/** Tables whose rows carry SyncedColumns and travel in exchange packages. */
export const SYNCED_TABLES = [
  'users',
  'contact_points',
  'staff',
  'mobile_sessions',
  'mobile_session_team',
  'clients',
  'client_phones',
  'migrant_households',
  'children',
  'cases',
  'case_status_history',
  'case_transfers',
  'hearings',
  'hearing_postponements',
  'tasks',
  'consultations',
  'consultation_issues',
  'consultation_referrals',
  'documents',
  'legal_references',
  'template_versions',
  'peers',
] as const satisfies readonly (keyof Database)[];
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type HouseholdRow = Selectable<MigrantHouseholdsTable>;
export type ChildRow = Selectable<ChildrenTable>;
export type ConsultationRow = Selectable<ConsultationsTable>;
export type CaseRow = Selectable<CasesTable>;
export type ContactPointRow = Selectable<ContactPointsTable>;
export type MobileSessionRow = Selectable<MobileSessionsTable>;
