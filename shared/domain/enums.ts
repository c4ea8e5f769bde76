// Closed vocabularies of the product. Stored as these codes; shown through the i18n catalogs
// (key `enum.<name>.<code>`), so a label can change without touching data.

export const USER_ROLES = ['administrator', 'lawyer', 'paralegal', 'analyst', 'readonly'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

export const MARITAL_STATUSES = [
  'registered',
  'religious_only',
  'divorce_in_process',
  'divorced',
  'divorced_not_dissolved',
  'widowed',
  'unknown',
] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const RELATIONS_TO_MIGRANT = ['wife', 'mother', 'daughter', 'sister', 'other'] as const;
export type RelationToMigrant = (typeof RELATIONS_TO_MIGRANT)[number];

export const EMPLOYMENT = ['employed', 'self_employed', 'unemployed', 'homemaker', 'student', 'pensioner', 'other', 'unknown'] as const;
export type Employment = (typeof EMPLOYMENT)[number];

export const EDUCATION = ['none', 'primary', 'basic_secondary', 'general_secondary', 'vocational', 'higher', 'unknown'] as const;
export type Education = (typeof EDUCATION)[number];

export const RESIDENCE = ['urban', 'rural', 'unknown'] as const;
export type Residence = (typeof RESIDENCE)[number];

/** Legal problems from seed section 1.4 (NGO "Shahrvand") and the Working Group recommendations. */
export const ISSUE_CATEGORIES = [
  'alimony',
  'alimony_abroad',
  'birth_certificate',
  'paternity',
  'marriage_registration',
  'land',
  'eviction',
  'property_division',
  'inheritance',
  'missing_person',
  'sexual_assault',
  'suicide_incitement',
  'family_violence',
  'search_missing',
  'interest_free_loan',
  'marital_status_unclear',
  'divorce',
  'other',
] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const CONSULTATION_KINDS = ['legal', 'psychological', 'medical'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const REFERRALS = [
  'court',
  'civil_registry',
  'police',
  'crisis_centre',
  'medical',
  'psychological',
  'social_protection',
  'migration_service',
  'ngo',
] as const;
export type Referral = (typeof REFERRALS)[number];

export const VENUE_KINDS = ['contact_point', 'mobile_session'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const MOBILE_SESSION_STATUSES = ['planned', 'conducted', 'cancelled'] as const;
export type MobileSessionStatus = (typeof MOBILE_SESSION_STATUSES)[number];

export const CASE_TYPES = [
  'alimony_share',
  'alimony_fixed_sum',
  'paternity',
  'paternity_fact',
  'missing_person',
  'property_division',
  'divorce',
  'birth_registration',
  'eviction_housing',
  'inheritance',
  'land_certificate',
  'domestic_violence_protection',
  'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The status workflow, in order. */
export const CASE_STATUSES = ['open', 'preparing_documents', 'filed', 'hearing', 'decided', 'enforcement', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['granted', 'partly_granted', 'rejected', 'settled', 'withdrawn'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const INSTALLATION_ROLES = ['contact_point', 'mobile_team', 'hub'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

export const LANGUAGES = ['tg', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DOCUMENT_KINDS = ['filing', 'attachment', 'receipt', 'consent'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Why a case or a client is kept from other users (shared/domain/sensitivity.ts). */
export const SENSITIVE_KINDS = ['violence', 'sexual_assault', 'hiv'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** What a scanned or photographed paper is; the filing wizard ticks its list of attachments from these. */
export const ATTACHMENT_TYPES = ['passport', 'birth_certificate', 'marriage_certificate', 'court_decision', 'remittance_receipt', 'other'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const CONSENT_METHODS = ['written', 'oral', 'electronic'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const AGE_BANDS = ['<18', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
