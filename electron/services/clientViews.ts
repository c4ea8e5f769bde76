import type { Child, ClientRecord, ClientSummary, MigrantHousehold } from '../../shared/api/clientTypes';
import { todayIso } from '../../shared/domain/dates';
import { ageOnDate } from '../../shared/domain/snapshot';
import { clientListings } from '../../db/queries/clients';
import type { Viewer } from '../../db/queries/visibility';
import { bool, type Db } from '../../db/queries/writeContext';
import type { ChildRow, ClientRow, HouseholdRow } from '../../db/schema';

// A client as the screens show her, built from her rows: the record, the summary of the lists, the
// household and the children.

export function toClientRecord(r: ClientRow, phone: string, migrant: boolean, today: string): ClientRecord {
  const birthDate = r.birth_date;
  return {
    id: r.id,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    sex: r.sex,
    birthDate,
    age: ageOnDate({ birthDate, ageRecorded: r.age_recorded, ageRecordedOn: r.age_recorded_on }, today),
    phone,
    idDocNumber: r.id_doc_number,
    residenceDistrictId: r.residence_district_id,
    migrantHousehold: migrant,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ageRecorded: r.age_recorded,
    ageRecordedOn: r.age_recorded_on,
    idDocType: r.id_doc_type,
    residenceJamoat: r.residence_jamoat,
    residenceVillage: r.residence_village,
    residenceAddress: r.residence_address,
    residenceType: r.residence_type,
    languages: JSON.parse(r.languages) as string[],
    employment: r.employment,
    education: r.education,
    socialAssistance: bool(r.social_assistance),
    consentOn: r.consent_on,
    consentMethod: r.consent_method,
    notes: r.notes,
    erasedAt: r.erased_at,
    ...(r.sensitive ? { sensitive: r.sensitive } : {}),
  };
}

export function toClientSummary(rec: ClientRecord): ClientSummary {
  const { id, surname, givenName, patronymic, sex, birthDate, age, phone, idDocNumber, residenceDistrictId, migrantHousehold, createdAt, updatedAt, sensitive } = rec;
  return { id, surname, givenName, patronymic, sex, birthDate, age, phone, idDocNumber, residenceDistrictId, migrantHousehold, createdAt, updatedAt, ...(sensitive ? { sensitive } : {}) };
}

/** The place of a client the reader may not see: her id and when the record changed, nothing personal. */
export function restrictedClient(c: ClientSummary): ClientSummary {
  return {
    id: c.id,
    surname: '',
    givenName: '',
    patronymic: '',
    sex: c.sex,
    birthDate: null,
    age: null,
    phone: '',
    idDocNumber: '',
    residenceDistrictId: null,
    migrantHousehold: false,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    restricted: true,
  };
}

/**
 * Summaries of the given clients (live ones), in the order of `ids`, as `viewer` may see them (a hidden
 * one as restricted): one query, whatever the count.
 */
export async function clientSummaries(db: Db, viewer: Viewer, ids: readonly string[], today: string = todayIso()): Promise<ClientSummary[]> {
  return (await clientListings(db, viewer, ids)).map((l) => {
    const summary = toClientSummary(toClientRecord(l.row, l.phone, l.migrantHousehold, today));
    return l.visible ? summary : restrictedClient(summary);
  });
}

export function toHousehold(h: HouseholdRow): MigrantHousehold {
  return {
    id: h.id,
    relation: h.relation,
    migrantSurname: h.migrant_surname,
    migrantGivenName: h.migrant_given_name,
    migrantPatronymic: h.migrant_patronymic,
    migrantBirthDate: h.migrant_birth_date,
    country: h.country,
    city: h.city,
    departureDate: h.departure_date,
    lastContactDate: h.last_contact_date,
    lastRemittanceDate: h.last_remittance_date,
    maritalStatus: h.marital_status,
    abandonedOverride: bool(h.abandoned_override),
    abandonedOverrideReason: h.abandoned_override_reason,
    notes: h.notes,
  };
}

export function toChild(c: ChildRow): Child {
  return {
    id: c.id,
    surname: c.surname,
    givenName: c.given_name,
    patronymic: c.patronymic,
    birthDate: c.birth_date,
    sex: c.sex,
    birthCertificate: c.birth_certificate,
    hasBirthCertificate: bool(c.has_birth_certificate),
    paternityRegistered: bool(c.paternity_registered),
    notes: c.notes,
  };
}
