import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Child, ClientDetail, ClientPhone, ClientRecord, ClientSummary, MigrantHousehold, Paged } from '../../shared/api/caseTracking';
import type { clientListInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type {
  ConsentMethod,
  Education,
  Employment,
  MaritalStatus,
  RelationToMigrant,
  Residence,
  Sex,
} from '../../shared/domain/enums';
import { latinKey, prefixEnd } from '../../shared/domain/names';
import { phoneSearchPrefix } from '../../shared/domain/phone';
import { abandonmentOf, ageOnDate } from '../../shared/domain/snapshot';
import type { ClientRow, Database } from '../schema';
import { listCases } from './cases';
import { listConsultations } from './consultations';
import { bool, type Db } from './writeContext';

// Reading clients: the paged list (indexed filters, one query per page for phones and households, no
// N+1), one client with everything, and summaries by id for other screens.

export function normalizeIdDoc(s: string): string {
  return s.trim().replace(/\s+/g, '').toUpperCase();
}

export function toRecord(r: ClientRow, phone: string, migrant: boolean, today: string): ClientRecord {
  const birthDate = r.birth_date;
  return {
    id: r.id,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    sex: r.sex as Sex,
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
    residenceType: r.residence_type as Residence,
    languages: JSON.parse(r.languages) as string[],
    employment: r.employment as Employment,
    education: r.education as Education,
    socialAssistance: bool(r.social_assistance),
    consentOn: r.consent_on,
    consentMethod: r.consent_method as ConsentMethod | null,
    notes: r.notes,
    erasedAt: r.erased_at,
  };
}

export function toSummary(rec: ClientRecord): ClientSummary {
  const { id, surname, givenName, patronymic, sex, birthDate, age, phone, idDocNumber, residenceDistrictId, migrantHousehold, createdAt, updatedAt } = rec;
  return { id, surname, givenName, patronymic, sex, birthDate, age, phone, idDocNumber, residenceDistrictId, migrantHousehold, createdAt, updatedAt };
}

/** Summaries of the given clients (live ones), in the order of `ids`: two extra queries, whatever the count. */
export async function clientSummaries(db: Db, ids: readonly string[], today: string = todayIso()): Promise<ClientSummary[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows: ClientRow[] = [];
  // SQLite's bound-parameter limit: chunk long id lists.
  for (let i = 0; i < unique.length; i += 500) {
    rows.push(...(await db.selectFrom('clients').selectAll().where('id', 'in', unique.slice(i, i + 500)).where('deleted_at', 'is', null).execute()));
  }
  const phones = new Map<string, string>();
  const migrants = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const ph = await db
      .selectFrom('client_phones')
      .select(['client_id', 'phone'])
      .where('client_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const p of ph) if (!phones.has(p.client_id)) phones.set(p.client_id, p.phone);
    const mh = await db.selectFrom('migrant_households').select('client_id').where('client_id', 'in', chunk).where('deleted_at', 'is', null).execute();
    for (const m of mh) migrants.add(m.client_id);
  }
  const byId = new Map(rows.map((r) => [r.id, toSummary(toRecord(r, phones.get(r.id) ?? '', migrants.has(r.id), today))]));
  return ids.map((id) => byId.get(id)).filter((s): s is ClientSummary => s !== undefined);
}

/** Beyond this many matches past the page, a count that tests every client stops ("1,000 or more"). */
export const CLIENT_COUNT_LIMIT = 1000;

type ClientQuery = SelectQueryBuilder<Database & { c: Database['clients'] }, 'c', object>;

/**
 * Walking the sort order's index and testing each live client until the page is full reads about
 * (offset + limit) × clients ÷ matches rows; taking the matches from the sex index and sorting them reads
 * about `matches` rows. Walking is cheaper once matches² ≥ 2 × (offset + limit) × clients.
 */
function walkPays(matches: number, f: z.output<typeof clientListInput>, clients: number): boolean {
  return matches * matches >= 2 * (f.offset + f.limit) * clients;
}

/**
 * The number of matching clients. Exact when it is a range of an index (all live clients, one sex, a
 * name or number searched). The household and district filters test each client (an EXISTS lookup
 * or the row itself): an exact count was 130,000 lookups for "women from migrant households", 40–100 ms
 * on a national database, more than the rest of the list; so those count only until they know there
 * are CLIENT_COUNT_LIMIT more than the page's offset (in thousands), and the list says "or more".
 * Deeper pages count further, so a virtual list can still scroll through every match. The count goes
 * at least as far as the number of matches from which walking pays (walkPays), so that a stopped
 * count still tells how to fetch the page.
 */
async function countClients(db: Db, q: ClientQuery, f: z.output<typeof clientListInput>, clients: number): Promise<{ total: number; totalAtLeast: boolean }> {
  if (f.migrantHousehold === undefined && !f.residenceDistrictId) {
    const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(r.n), totalAtLeast: false };
  }
  const needed = Math.max(f.offset + Math.max(f.limit, CLIENT_COUNT_LIMIT), f.sex ? Math.sqrt(2 * (f.offset + f.limit) * clients) : 0);
  const limit = Math.ceil(needed / 1000) * 1000;
  const r = await db
    .selectFrom(q.select('c.id').limit(limit + 1).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n > limit ? { total: limit, totalAtLeast: true } : { total: n, totalAtLeast: false };
}

export async function listClients(db: Db, f: z.output<typeof clientListInput>): Promise<Paged<ClientSummary>> {
  let q = db.selectFrom('clients as c').where('c.deleted_at', 'is', null);
  const query = f.query.trim();
  if (query) {
    const phone = phoneSearchPrefix(query);
    const key = latinKey(query);
    const doc = normalizeIdDoc(query);
    q = q.where((eb) => {
      const ors = [eb.and([eb('c.id_doc_number', '>=', doc), eb('c.id_doc_number', '<', prefixEnd(doc))])];
      if (key) ors.push(eb.and([eb('c.search_key', '>=', key), eb('c.search_key', '<', prefixEnd(key))]));
      if (phone) {
        ors.push(
          eb(
            'c.id',
            'in',
            eb
              .selectFrom('client_phones')
              .select('client_id')
              .where('phone', '>=', phone)
              .where('phone', '<', prefixEnd(phone))
              .where('deleted_at', 'is', null),
          ),
        );
      }
      return eb.or(ors);
    });
  }
  if (f.residenceDistrictId) q = q.where('c.residence_district_id', '=', f.residenceDistrictId);
  if (f.migrantHousehold !== undefined) {
    const wanted = f.migrantHousehold;
    q = q.where((eb) => {
      const has = eb.exists(eb.selectFrom('migrant_households as m').select('m.id').whereRef('m.client_id', '=', 'c.id').where('m.deleted_at', 'is', null));
      return wanted ? has : eb.not(has);
    });
  }
  // Rows ever stored (tombstones too): the upper bound of what walking an index of live clients passes.
  const stored = await db.selectFrom('clients').select(sql<number>`max(rowid)`.as('n')).executeTakeFirst();
  const clients = Number(stored?.n ?? 0);
  const { total, totalAtLeast } = await countClients(db, f.sex ? q.where('c.sex', '=', f.sex) : q, f, clients);
  const column = { name: 'c.search_name', birthDate: 'c.birth_date', createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const;
  if (f.sex) {
    // SQLite keeps no statistics to choose between walking the sort order's index and sorting the
    // matches of the sex index (walkPays), and chose sorting 130,000 women (0.35 s) over walking 90
    // names; the count decides instead, and `+c.sex` keeps SQLite off the sex index when walking.
    // Birth dates have no index to walk.
    const walk = f.sort !== 'birthDate' && !query && walkPays(total, f, clients);
    q = walk ? q.where(sql<string>`+${sql.ref('c.sex')}`, '=', f.sex) : q.where('c.sex', '=', f.sex);
  }
  const ids = await q
    .select('c.id')
    .orderBy(column[f.sort], f.dir)
    .orderBy('c.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: await clientSummaries(db, ids.map((r) => r.id)), total, ...(totalAtLeast ? { totalAtLeast: true as const } : {}) };
}

export async function getClientRow(db: Db, id: string): Promise<ClientRow> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such client');
  if (row.deleted_at) {
    // A merged record points to the one that was kept, so old links still lead somewhere.
    throw new AppError('NOT_FOUND', 'This client record was merged or removed', undefined, row.merged_into_id ? { mergedIntoId: row.merged_into_id } : undefined);
  }
  return row;
}

export async function getHousehold(db: Db, clientId: string): Promise<MigrantHousehold | null> {
  const h = await db.selectFrom('migrant_households').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!h) return null;
  return {
    id: h.id,
    relation: h.relation as RelationToMigrant,
    migrantSurname: h.migrant_surname,
    migrantGivenName: h.migrant_given_name,
    migrantPatronymic: h.migrant_patronymic,
    migrantBirthDate: h.migrant_birth_date,
    country: h.country,
    city: h.city,
    departureDate: h.departure_date,
    lastContactDate: h.last_contact_date,
    lastRemittanceDate: h.last_remittance_date,
    maritalStatus: h.marital_status as MaritalStatus,
    abandonedOverride: bool(h.abandoned_override),
    abandonedOverrideReason: h.abandoned_override_reason,
    notes: h.notes,
  };
}

export async function getClientDetail(db: Db, id: string, today: string = todayIso()): Promise<ClientDetail> {
  const row = await getClientRow(db, id);
  const phones = await db.selectFrom('client_phones').select(['id', 'phone', 'label']).where('client_id', '=', id).where('deleted_at', 'is', null).orderBy('id').execute();
  const household = await getHousehold(db, id);
  const children = await db.selectFrom('children').selectAll().where('client_id', '=', id).where('deleted_at', 'is', null).orderBy('birth_date').orderBy('id').execute();
  let abandonment: ClientDetail['abandonment'] = null;
  if (household) {
    const computed = abandonmentOf({ ...household, abandonedOverride: household.abandonedOverride }, today);
    abandonment = {
      asOf: today,
      computed: computed.abandoned,
      reason: computed.reason,
      override: household.abandonedOverride,
      overrideReason: household.abandonedOverrideReason,
      effective: household.abandonedOverride ?? computed.abandoned,
    };
  }
  const consultations = await listConsultations(db, { clientId: id, sort: 'date', dir: 'desc', offset: 0, limit: 500 });
  const cases = await listCases(db, { clientId: id, sort: 'openedOn', dir: 'desc', offset: 0, limit: 500, query: '' });
  return {
    client: toRecord(row, phones[0]?.phone ?? '', household !== null, today),
    phones: phones as ClientPhone[],
    household,
    children: children.map(
      (c): Child => ({
        id: c.id,
        surname: c.surname,
        givenName: c.given_name,
        patronymic: c.patronymic,
        birthDate: c.birth_date,
        sex: c.sex as Sex | null,
        birthCertificate: c.birth_certificate,
        paternityRegistered: bool(c.paternity_registered),
        notes: c.notes,
      }),
    ),
    abandonment,
    consultations: consultations.rows,
    cases: cases.rows,
  };
}
