import * as enums from '../domain/enums';

// Which closed vocabulary of shared/domain/enums.ts is labelled under which `enum.<name>` key.
// The i18n test checks that every exported vocabulary is listed here and labelled in every language.
export const ENUM_LABEL_KEYS = {
  userRole: enums.USER_ROLES,
  sex: enums.SEXES,
  // A child's sex is worded for a child (girl/boy), not for an adult.
  childSex: enums.SEXES,
  maritalStatus: enums.MARITAL_STATUSES,
  relationToMigrant: enums.RELATIONS_TO_MIGRANT,
  employment: enums.EMPLOYMENT,
  education: enums.EDUCATION,
  residence: enums.RESIDENCE,
  issue: enums.ISSUE_CATEGORIES,
  consultationKind: enums.CONSULTATION_KINDS,
  referral: enums.REFERRALS,
  venueKind: enums.VENUE_KINDS,
  sessionStatus: enums.MOBILE_SESSION_STATUSES,
  caseType: enums.CASE_TYPES,
  caseStatus: enums.CASE_STATUSES,
  caseOutcome: enums.CASE_OUTCOMES,
  installationRole: enums.INSTALLATION_ROLES,
  language: enums.LANGUAGES,
  documentKind: enums.DOCUMENT_KINDS,
  attachmentType: enums.ATTACHMENT_TYPES,
  consentMethod: enums.CONSENT_METHODS,
  sensitive: enums.SENSITIVE_KINDS,
  ageBand: enums.AGE_BANDS,
} as const;
export type EnumName = keyof typeof ENUM_LABEL_KEYS;
