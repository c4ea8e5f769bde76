// The words of an exchanged record's field: the exchange's conflicts name a table and a column
// ("clients", "notes"), the screen shows what the record is and the form's own label for the field.
// Columns no form shows (bookkeeping, snapshots) keep their name.

import { auditEntityKey } from './auditWords';
import { ENUM_LABEL_KEYS, type EnumName } from './enumLabels';

/** Catalog key of what a record of an exchanged table is ("clients" → a client). */
export const recordKindKey = (table: string): string => auditEntityKey(table);

/** A field's label, and the vocabulary its values are words of (enumLabels.ts) when they are codes. */
type FieldWords = string | readonly [label: string, vocabulary: EnumName];

const FIELD_KEYS: Readonly<Record<string, FieldWords>> = {
  'clients.surname': 'clients.surname',
  'clients.given_name': 'clients.givenName',
  'clients.patronymic': 'clients.mergeFields.patronymic',
  'clients.sex': ['clients.sex', 'sex'],
  'clients.birth_date': 'clients.birthDate',
  'clients.id_doc_type': 'clients.idDocType',
  'clients.id_doc_number': 'clients.idDocNumber',
  'clients.residence_jamoat': 'clients.residenceJamoat',
  'clients.residence_village': 'clients.residenceVillage',
  'clients.residence_address': 'clients.residenceAddress',
  'clients.residence_type': ['clients.residenceType', 'residence'],
  'clients.languages': 'clients.languages',
  'clients.employment': ['clients.employment', 'employment'],
  'clients.education': ['clients.education', 'education'],
  'clients.social_assistance': 'clients.mergeFields.socialAssistance',
  'clients.consent_on': 'clients.consentOn',
  'clients.consent_method': ['clients.consentMethod', 'consentMethod'],
  'clients.notes': 'clients.mergeFields.notes',
  'client_phones.phone': 'clients.phone',
  'client_phones.label': 'clients.phoneLabel',
  'migrant_households.client_id': 'consultations.client',
  'migrant_households.relation': ['clients.relation', 'relationToMigrant'],
  'migrant_households.migrant_surname': 'clients.migrantSurname',
  'migrant_households.migrant_given_name': 'clients.migrantGivenName',
  'migrant_households.migrant_patronymic': 'clients.migrantPatronymic',
  'migrant_households.migrant_birth_date': 'clients.migrantBirthDate',
  'migrant_households.country': 'clients.country',
  'migrant_households.city': 'clients.city',
  'migrant_households.departure_date': 'clients.departureDate',
  'migrant_households.last_contact_date': 'clients.lastContactDate',
  'migrant_households.last_remittance_date': 'clients.lastRemittanceDate',
  'migrant_households.marital_status': ['clients.maritalStatus', 'maritalStatus'],
  'children.given_name': 'clients.childGivenName',
  'children.surname': 'clients.childSurname',
  'children.birth_date': 'clients.childBirthDate',
  'children.sex': ['clients.childSex', 'childSex'],
  'children.has_birth_certificate': 'clients.hasBirthCertificate',
  'children.paternity_registered': 'clients.paternityRegistered',
  'cases.status': ['cases.status', 'caseStatus'],
  'cases.opened_on': 'cases.openedOn',
  'cases.closed_on': 'cases.closedOn',
  'cases.court_name': 'cases.courtName',
  'cases.court_district_id': 'cases.courtDistrict',
  'cases.court_case_number': 'cases.courtCaseNumber',
  'cases.judge': 'cases.judge',
  'cases.respondent_name': 'cases.respondentName',
  'cases.respondent_birth_date': 'cases.respondentBirthDate',
  'cases.respondent_address': 'cases.respondentAddress',
  'cases.respondent_whereabouts': 'cases.respondentWhereabouts',
  'cases.responsible_user_id': 'cases.responsible',
  'cases.outcome': ['cases.outcome', 'caseOutcome'],
  'cases.monthly_alimony_diram': 'cases.monthlyAlimony',
  'cases.arrears_recovered_diram': 'cases.arrearsRecovered',
  'cases.notes': 'cases.notes',
  'hearings.date': 'cases.hearingDate',
  'hearings.time': 'cases.hearingTime',
  'hearings.place': 'cases.hearingPlace',
  'hearings.result': 'cases.hearingResult',
  'hearings.notes': 'cases.hearingNotes',
  'tasks.title': 'cases.taskTitle',
  'tasks.due_on': 'cases.taskDue',
  'tasks.done_on': 'cases.taskDone',
  'tasks.assignee_user_id': 'cases.taskAssignee',
  'consultations.client_id': 'consultations.client',
  'consultations.date': 'consultations.date',
  'consultations.venue_kind': ['consultations.venueKind', 'venueKind'],
  'consultations.contact_point_id': 'consultations.contactPoint',
  'consultations.mobile_session_id': 'consultations.session',
  'consultations.kind': ['consultations.kind', 'consultationKind'],
  'consultations.advice': 'consultations.advice',
  'consultations.follow_up_on': 'consultations.followUp',
  'consultations.case_id': 'consultations.case',
  'consultation_issues.issue': ['consultations.issue', 'issue'],
  'mobile_sessions.code': 'sessions.code',
  'mobile_sessions.date': 'sessions.date',
  'mobile_sessions.contact_point_id': 'sessions.contactPoint',
  'mobile_sessions.jamoat': 'sessions.jamoat',
  'mobile_sessions.village': 'sessions.village',
  'mobile_sessions.partner_authority': 'sessions.partner',
  'mobile_sessions.status': ['sessions.filterStatus', 'sessionStatus'],
  'contact_points.code': 'contactPoints.code',
  'contact_points.name': 'contactPoints.name',
  'contact_points.address': 'contactPoints.address',
  'contact_points.organisation': 'contactPoints.organisation',
  'contact_points.established_on': 'contactPoints.establishedOn',
  'contact_points.closed_on': 'contactPoints.closedOn',
  'staff.full_name': 'contactPoints.staffName',
  'staff.position': 'contactPoints.staffPosition',
  'staff.phone': 'contactPoints.staffPhone',
  'staff.active': 'contactPoints.staffActive',
};

/** Catalog key of a field's label, or null for a column no form shows. A record's removal is a field of every table. */
export function fieldKey(table: string, column: string): string | null {
  if (column === 'deleted_at') return 'exchange.fieldRemoved';
  const words = FIELD_KEYS[`${table}.${column}`];
  return words === undefined ? null : typeof words === 'string' ? words : words[0];
}

/** Catalog key of a stored value's word when the field's values are codes of a vocabulary ("active" → enum.caseStatus.active); null otherwise. */
export function valueKey(table: string, column: string, value: unknown): string | null {
  const words = FIELD_KEYS[`${table}.${column}`];
  if (typeof words !== 'object' || typeof value !== 'string') return null;
  return (ENUM_LABEL_KEYS[words[1]] as readonly string[]).includes(value) ? `enum.${words[1]}.${value}` : null;
}

/** The table.column pairs that have words (for the test that each is a real column with a label). */
export const FIELDS_WITH_WORDS: readonly string[] = Object.keys(FIELD_KEYS);
