import type { AbandonmentReason } from '../domain/abandonment';
import type {
  ConsentMethod,
  Education,
  Employment,
  MaritalStatus,
  RelationToMigrant,
  Residence,
  SensitiveKind,
  Sex,
} from '../domain/enums';
import type { CaseSummary } from './caseTypes';
import type { ConsultationSummary } from './consultationTypes';

// Output types of the client channels. Dates are ISO YYYY-MM-DD, money in diram (shared/domain/money.ts).

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
  /** Set when she is marked sensitive (shared/domain/sensitivity.ts): why. */
  sensitive?: SensitiveKind;
  /**
   * The reader may not see her: only her place in a list or a match is shown, every personal field
   * blank (names '', dates and numbers null).
   */
  restricted?: true;
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
  /** Has a birth certificate at all (null: not asked); `birthCertificate` is its number when known. */
  hasBirthCertificate: boolean | null;
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

/** Another record of the same person, merged into this one: its own values as they were, kept as history. */
export interface MergedRecord {
  id: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string | null;
  idDocNumber: string;
  /** An ISO instant. */
  mergedAt: string;
}

export interface ClientDetail {
  client: ClientRecord;
  /** The records merged into this one, the latest first. */
  merged: MergedRecord[];
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
