import { AppError } from '../../shared/api/errors';
import type { Db } from './writeContext';

// Everything a filing needs about one case, read in one place (client, household, children, contact
// point). Language-independent raw facts: electron/documents/filingValues.ts formats them.

export interface FilingChild {
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string | null;
  sex: 'F' | 'M' | null;
  birthCertificate: string;
}

export interface FilingData {
  case: {
    id: string;
    number: string;
    caseType: string;
    status: string;
    openedOn: string;
    courtName: string;
    courtDistrictId: string | null;
    courtCaseNumber: string;
    respondentName: string;
    respondentBirthDate: string | null;
    respondentAddress: string;
    respondentWhereabouts: string;
    monthlyAlimonyDiram: number | null;
    /** cases.details JSON; filing answers are kept under `filing`. */
    details: Record<string, unknown>;
  };
  client: {
    id: string;
    surname: string;
    givenName: string;
    patronymic: string;
    sex: 'F' | 'M';
    birthDate: string | null;
    idDocType: string;
    idDocNumber: string;
    residenceDistrictId: string | null;
    jamoat: string;
    village: string;
    address: string;
    phones: string[];
  };
  household: {
    relation: string;
    migrantName: string;
    country: string;
    city: string;
    departureDate: string | null;
    lastContactDate: string | null;
    lastRemittanceDate: string | null;
    maritalStatus: string;
  } | null;
  children: FilingChild[];
  contactPoint: { name: string; districtId: string } | null;
  responsibleName: string;
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function loadFilingData(db: Db, caseId: string): Promise<FilingData> {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'No such case');
  const client = await db.selectFrom('clients').selectAll().where('id', '=', c.client_id).executeTakeFirst();
  if (!client || client.erased_at) throw new AppError('NOT_FOUND', 'The client of this case is not available');
  const phones = await db
    .selectFrom('client_phones')
    .select('phone')
    .where('client_id', '=', client.id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const household = await db
    .selectFrom('migrant_households')
    .selectAll()
    .where('client_id', '=', client.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const children = await db
    .selectFrom('children')
    .selectAll()
    .where('client_id', '=', client.id)
    .where('deleted_at', 'is', null)
    .orderBy('birth_date')
    .orderBy('given_name')
    .execute();
  const cp = c.contact_point_id
    ? await db.selectFrom('contact_points').select(['name', 'district_id']).where('id', '=', c.contact_point_id).executeTakeFirst()
    : undefined;
  let responsibleName = c.responsible_name;
  if (!responsibleName && c.responsible_user_id) {
    const u = await db.selectFrom('users').select('display_name').where('id', '=', c.responsible_user_id).executeTakeFirst();
    responsibleName = u?.display_name ?? '';
  }
  return {
    case: {
      id: c.id,
      number: c.number,
      caseType: c.case_type,
      status: c.status,
      openedOn: c.opened_on,
      courtName: c.court_name,
      courtDistrictId: c.court_district_id,
      courtCaseNumber: c.court_case_number,
      respondentName: c.respondent_name,
      respondentBirthDate: c.respondent_birth_date,
      respondentAddress: c.respondent_address,
      respondentWhereabouts: c.respondent_whereabouts,
      monthlyAlimonyDiram: c.monthly_alimony_diram,
      details: parseDetails(c.details),
    },
    client: {
      id: client.id,
      surname: client.surname,
      givenName: client.given_name,
      patronymic: client.patronymic,
      sex: client.sex === 'M' ? 'M' : 'F',
      birthDate: client.birth_date,
      idDocType: client.id_doc_type,
      idDocNumber: client.id_doc_number,
      residenceDistrictId: client.residence_district_id,
      jamoat: client.residence_jamoat,
      village: client.residence_village,
      address: client.residence_address,
      phones: phones.map((p) => p.phone),
    },
    household: household
      ? {
          relation: household.relation,
          migrantName: [household.migrant_surname, household.migrant_given_name, household.migrant_patronymic].filter(Boolean).join(' '),
          country: household.country,
          city: household.city,
          departureDate: household.departure_date,
          lastContactDate: household.last_contact_date,
          lastRemittanceDate: household.last_remittance_date,
          maritalStatus: household.marital_status,
        }
      : null,
    children: children.map((ch) => ({
      surname: ch.surname,
      givenName: ch.given_name,
      patronymic: ch.patronymic,
      birthDate: ch.birth_date,
      sex: ch.sex === 'M' || ch.sex === 'F' ? ch.sex : null,
      birthCertificate: ch.birth_certificate,
    })),
    contactPoint: cp ? { name: cp.name, districtId: cp.district_id } : null,
    responsibleName,
  };
}
