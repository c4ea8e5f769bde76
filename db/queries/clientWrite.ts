import { createHash } from 'node:crypto';
import { todayIso } from '../../shared/domain/dates';
import type { MergeField } from '../../shared/domain/clientMerge';
import type { ConsentMethod, Education, Employment, MaritalStatus, RelationToMigrant, Residence, SensitiveKind, Sex } from '../../shared/domain/enums';
import { nameKeys } from '../../shared/domain/names';
import { mergedProtection, type ClientProtection } from '../../shared/domain/sensitivity';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { getClientRow, normalizeIdDoc } from './clients';
import type { ClientRow } from '../schema';
import { audit, int, type Db, type WriteCtx } from './writeContext';

// Saving a client with her phones, migrant household and children, in the caller's transaction. The
// client service checks every part before the first write, so an invalid part leaves nothing saved.

export interface HouseholdFields {
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
  notes: string;
}

/** What a client's form sets. */
export interface ClientFields {
  id?: string;
  surname: string;
  givenName: string;
  patronymic: string;
  sex: Sex;
  birthDate: string | null;
  /** When the birth date is unknown: the age as told. */
  age: number | null;
  idDocType: string;
  idDocNumber: string;
  residenceDistrictId: string | null;
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
  phones: Array<{ id?: string; phone: string; label: string }>;
  /** null: not from a migrant household (an existing household is then removed). */
  household: HouseholdFields | null;
  children: Array<{
    id?: string;
    surname: string;
    givenName: string;
    patronymic: string;
    birthDate: string | null;
    sex: Sex | null;
    birthCertificate: string;
    /** Whether she says the child has a birth certificate (null: not asked). */
    hasBirthCertificate?: boolean | null;
    paternityRegistered: boolean | null;
    notes: string;
  }>;
}

/** The ids of the client's live phones or children. */
export async function ownedIds(db: Db, table: 'client_phones' | 'children', clientId: string): Promise<Set<string>> {
  return new Set((await db.selectFrom(table).select('id').where('client_id', '=', clientId).where('deleted_at', 'is', null).execute()).map((r) => r.id));
}

/**
 * The id of a client's household row, made from hers (a UUID of version 8, from SHA-256): two
 * installations that each record her household before they exchange write the same row, which then
 * merges field by field with its conflicts queued, instead of two rows for one woman, which the
 * one-household rule would refuse in every package between them from then on.
 */
export function householdIdOf(clientId: string): string {
  const h = createHash('sha256').update(`migrant_households:${clientId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The columns of a client's migrant household that her form sets (saveClient, and the national seed). */
export function householdColumns(h: HouseholdFields) {
  return {
    relation: h.relation,
    migrant_surname: h.migrantSurname,
    migrant_given_name: h.migrantGivenName,
    migrant_patronymic: h.migrantPatronymic,
    migrant_birth_date: h.migrantBirthDate,
    country: h.country,
    city: h.city,
    departure_date: h.departureDate,
    last_contact_date: h.lastContactDate,
    last_remittance_date: h.lastRemittanceDate,
    marital_status: h.maritalStatus,
    notes: h.notes,
  };
}

/** The columns of a client's child as entered (saveClient, and the national seed). */
export function childColumns(c: ClientFields['children'][number]) {
  return {
    surname: c.surname,
    given_name: c.givenName,
    patronymic: c.patronymic,
    birth_date: c.birthDate,
    sex: c.sex,
    birth_certificate: c.birthCertificate,
    // A certificate's number says she has one.
    has_birth_certificate: int(c.hasBirthCertificate ?? (c.birthCertificate.trim() ? true : null)),
    paternity_registered: int(c.paternityRegistered),
    notes: c.notes,
  };
}

/** The clients row for a client as entered (saveClient, and the national seed). */
export function clientColumns(input: ClientFields, ageRecordedOn: string | null) {
  const keys = nameKeys(input);
  return {
    surname: input.surname,
    given_name: input.givenName,
    patronymic: input.patronymic,
    search_name: keys.searchName,
    search_key: keys.searchKey,
    sex: input.sex,
    birth_date: input.birthDate,
    age_recorded: input.birthDate ? null : input.age,
    age_recorded_on: ageRecordedOn,
    id_doc_type: input.idDocType,
    id_doc_number: normalizeIdDoc(input.idDocNumber),
    residence_district_id: input.residenceDistrictId,
    residence_jamoat: input.residenceJamoat,
    residence_village: input.residenceVillage,
    residence_address: input.residenceAddress,
    residence_type: input.residenceType,
    languages: JSON.stringify(input.languages),
    employment: input.employment,
    education: input.education,
    social_assistance: int(input.socialAssistance),
    consent_on: input.consentOn,
    consent_method: input.consentMethod,
    notes: input.notes,
  };
}

/** Saves a client as checked by the client service; returns her id. */
export async function saveClient(ctx: WriteCtx, input: ClientFields, today: string = todayIso()): Promise<string> {
  const { trx, w } = ctx;
  const existing = input.id ? await getClientRow(trx, input.id) : null;

  // Age as told: keep the date it was recorded while the number is unchanged, so it keeps ageing.
  const ageRecordedOn =
    input.birthDate || input.age === null
      ? null
      : existing && existing.age_recorded === input.age && existing.age_recorded_on
        ? existing.age_recorded_on
        : today;
  const values = clientColumns(input, ageRecordedOn);
  let id: string;
  let fields: string[] = [];
  if (existing) {
    id = existing.id;
    fields = await updateRow(trx, w, 'clients', id, values);
  } else {
    // Who recorded her is one of those who still see her if she is marked sensitive (shared/domain/sensitivity.ts).
    id = await insertRow(trx, w, 'clients', { ...values, merged_into_id: null, erased_at: null, recorded_by_user_id: ctx.user.id });
  }

  // Phones: update the ones sent back with their id, add new ones, tombstone the ones left out.
  const currentPhones = await trx.selectFrom('client_phones').select('id').where('client_id', '=', id).where('deleted_at', 'is', null).execute();
  const keptPhones = new Set<string>();
  for (const p of input.phones) {
    if (p.id) {
      keptPhones.add(p.id);
      await updateRow(trx, w, 'client_phones', p.id, { phone: p.phone, label: p.label });
    } else await insertRow(trx, w, 'client_phones', { client_id: id, phone: p.phone, label: p.label });
  }
  for (const p of currentPhones) if (!keptPhones.has(p.id)) await tombstoneRow(trx, w, 'client_phones', p.id);

  // Migrant household: one live row per client; the lawyer's override is kept (changed elsewhere).
  const household = await trx.selectFrom('migrant_households').select('id').where('client_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (input.household) {
    const hv = householdColumns(input.household);
    const fresh = { ...hv, client_id: id, abandoned_override: null, abandoned_override_reason: '' };
    if (household) await updateRow(trx, w, 'migrant_households', household.id, hv);
    else {
      // The id made from hers, unless a row has it already (her household removed before, or given to
      // another client by a merge of two records): a removed row is not brought back.
      const taken = await trx.selectFrom('migrant_households').select('id').where('id', '=', householdIdOf(id)).executeTakeFirst();
      await insertRow(trx, w, 'migrant_households', taken ? fresh : { ...fresh, id: householdIdOf(id) });
    }
  } else if (household) await tombstoneRow(trx, w, 'migrant_households', household.id);

  const currentChildren = await trx.selectFrom('children').select('id').where('client_id', '=', id).where('deleted_at', 'is', null).execute();
  const keptChildren = new Set<string>();
  for (const c of input.children) {
    const cv = childColumns(c);
    if (c.id) {
      keptChildren.add(c.id);
      await updateRow(trx, w, 'children', c.id, cv);
    } else await insertRow(trx, w, 'children', { ...cv, client_id: id });
  }
  for (const c of currentChildren) if (!keptChildren.has(c.id)) await tombstoneRow(trx, w, 'children', c.id);

  await audit(ctx, existing ? 'client.update' : 'client.create', 'clients', id, {
    fields,
    phones: input.phones.length,
    household: input.household !== null,
    children: input.children.length,
  });
  return id;
}

/** Sets or clears the lawyer's override of the computed abandonment on the client's household. */
export async function setAbandonedOverride(ctx: WriteCtx, householdId: string, clientId: string, override: boolean | null, reason: string): Promise<void> {
  await updateRow(ctx.trx, ctx.w, 'migrant_households', householdId, {
    abandoned_override: int(override),
    abandoned_override_reason: override === null ? '' : reason,
  });
  // The reason is free text about a person: the audit says only that there is one.
  await audit(ctx, override === null ? 'client.abandoned_override.clear' : 'client.abandoned_override.set', 'clients', clientId, { override });
}

/** The columns of each merge field (shared/domain/clientMerge.ts): a choice moves all of them together. */
const MERGE_COLUMNS: Record<MergeField, readonly (keyof ClientRow)[]> = {
  surname: ['surname'],
  givenName: ['given_name'],
  patronymic: ['patronymic'],
  sex: ['sex'],
  birthDate: ['birth_date', 'age_recorded', 'age_recorded_on'],
  idDocument: ['id_doc_type', 'id_doc_number'],
  residence: ['residence_district_id', 'residence_jamoat', 'residence_village', 'residence_address'],
  residenceType: ['residence_type'],
  languages: ['languages'],
  employment: ['employment'],
  education: ['education'],
  socialAssistance: ['social_assistance'],
  consent: ['consent_on', 'consent_method'],
  notes: ['notes'],
};

/**
 * Two records of one person become one: consultations, cases, phones, children and documents of the
 * merged record move to the kept one (their snapshots stay as recorded); the fields in `take` get the
 * merged record's values, the others keep the kept record's; a sensitive mark on either record stays on
 * the survivor, whichever fields were chosen (audited as a marking); the merged record is tombstoned with
 * merged_into_id and keeps its own values, so what it said stays readable (its page lists it) and every
 * value the kept record had stays in the change log.
 */
export async function mergeClients(ctx: WriteCtx, keepId: string, mergeId: string, take: readonly MergeField[]): Promise<Record<string, number>> {
  const { trx, w } = ctx;
  const keep = await getClientRow(trx, keepId);
  const other = await getClientRow(trx, mergeId);
  const moved: Record<string, number> = {};
  for (const table of ['consultations', 'cases', 'children', 'documents'] as const) {
    const rows = await trx.selectFrom(table).select('id').where('client_id', '=', mergeId).where('deleted_at', 'is', null).execute();
    for (const r of rows) await updateRow(trx, w, table, r.id, { client_id: keepId });
    moved[table] = rows.length;
  }
  const keptPhones = new Set((await trx.selectFrom('client_phones').select('phone').where('client_id', '=', keepId).where('deleted_at', 'is', null).execute()).map((p) => p.phone));
  const phones = await trx.selectFrom('client_phones').select(['id', 'phone']).where('client_id', '=', mergeId).where('deleted_at', 'is', null).execute();
  moved.phones = 0;
  for (const p of phones) {
    if (keptPhones.has(p.phone)) await tombstoneRow(trx, w, 'client_phones', p.id);
    else {
      await updateRow(trx, w, 'client_phones', p.id, { client_id: keepId });
      moved.phones += 1;
    }
  }
  const keepHousehold = await trx.selectFrom('migrant_households').select('id').where('client_id', '=', keepId).where('deleted_at', 'is', null).executeTakeFirst();
  const otherHousehold = await trx.selectFrom('migrant_households').select('id').where('client_id', '=', mergeId).where('deleted_at', 'is', null).executeTakeFirst();
  moved.household = 0;
  if (otherHousehold) {
    if (keepHousehold) await tombstoneRow(trx, w, 'migrant_households', otherHousehold.id);
    else {
      await updateRow(trx, w, 'migrant_households', otherHousehold.id, { client_id: keepId });
      moved.household = 1;
    }
  }
  const chosen: Partial<ClientRow> = {};
  for (const field of new Set(take)) for (const column of MERGE_COLUMNS[field]) Object.assign(chosen, { [column]: other[column] });
  // The search keys follow the name as it now reads.
  const names = { surname: chosen.surname ?? keep.surname, givenName: chosen.given_name ?? keep.given_name, patronymic: chosen.patronymic ?? keep.patronymic };
  const keys = nameKeys(names);
  // No choice of fields can drop her protection (shared/domain/sensitivity.ts).
  const protection = mergedProtection(protectionOf(keep), protectionOf(other), ctx.user.id);
  const protectionChanged = protection.sensitive !== keep.sensitive || protection.recordedByUserId !== keep.recorded_by_user_id;
  const filled = await updateRow(trx, w, 'clients', keepId, {
    ...chosen,
    search_name: keys.searchName,
    search_key: keys.searchKey,
    ...(protectionChanged ? { sensitive: protection.sensitive, recorded_by_user_id: protection.recordedByUserId } : {}),
  });
  await updateRow(trx, w, 'clients', mergeId, { merged_into_id: keepId });
  await tombstoneRow(trx, w, 'clients', mergeId);
  // Field names only: the values themselves are personal data.
  await audit(ctx, 'client.merge', 'clients', keepId, { mergedId: mergeId, moved, filled, sensitive: protection.sensitive });
  if (protection.sensitive !== keep.sensitive) await audit(ctx, 'client.sensitive', 'clients', keepId, { from: keep.sensitive, to: protection.sensitive, mergedId: mergeId });
  return moved;
}

function protectionOf(row: ClientRow): ClientProtection {
  return { sensitive: row.sensitive, recordedByUserId: row.recorded_by_user_id };
}

/**
 * Marks a client sensitive (why) or clears the mark; returns whether it changed. A client recorded
 * before the app kept who recorded her gets the one who marks her, so that they keep seeing her.
 */
export async function setClientSensitive(ctx: WriteCtx, id: string, sensitive: SensitiveKind | null): Promise<boolean> {
  const row = await getClientRow(ctx.trx, id);
  if (row.sensitive === sensitive) return false;
  await updateRow(ctx.trx, ctx.w, 'clients', id, { sensitive, ...(sensitive && !row.recorded_by_user_id ? { recorded_by_user_id: ctx.user.id } : {}) });
  await audit(ctx, 'client.sensitive', 'clients', id, { from: row.sensitive, to: sensitive });
  return true;
}
