import { createHmac } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { CONSULTATION_DIMENSION_COLUMNS, SET_DIMENSIONS, type SetPayload } from '../../shared/domain/indicatorDimensions';
import { latinKey } from '../../shared/domain/names';
import type { NetworkKeyring } from './identity';

// The statistics package (contact point → Ombudsman hub): only the facts the indicator engine reads,
// de-identified. No names, phones, document numbers, addresses, advice or notes. Each person is a
// pseudonym: HMAC-SHA256 of her normalised identity under the network's secret, so the hub counts the
// same woman once across contact points without being able to tell who she is (without the secret,
// the hub cannot even test a guessed name).

type Db = Kysely<Database> | Transaction<Database>;

export interface StatsContactPoint {
  id: string;
  code: string;
  name: string;
  district_id: string;
  organisation: string;
  established_on: string;
  closed_on: string | null;
  deleted_at: string | null;
}
export interface StatsSession {
  id: string;
  code: string;
  contact_point_id: string;
  date: string;
  district_id: string;
  status: string;
  status_changed_on: string | null;
  deleted_at: string | null;
}
/**
 * A consultation as the hub counts it: where and when it was given, the woman's pseudonym, and the
 * columns every declared dimension reads (CONSULTATION_DIMENSION_COLUMNS: the snapshot of the client at
 * the time, the venue, the kind…), under the names they have in the consultations table.
 */
export type StatsConsultation = {
  id: string;
  person: string;
  created_at: string;
  date: string;
  venue_kind: string;
  contact_point_id: string;
  mobile_session_id: string | null;
  district_id: string;
  kind: string;
  case_id: string | null;
  snap_sex: string;
  snap_migrant_household: number;
} & Record<string, string | number | null>;

/** A row of a set dimension's table (consultation_issues: issue; consultation_referrals: referral). */
export type StatsSetRow = { id: string; consultation_id: string } & Record<string, string>;

export interface StatsCase {
  id: string;
  person: string;
  case_type: string;
  status: string;
  opened_on: string;
  closed_on: string | null;
  contact_point_id: string | null;
  outcome: string | null;
  deleted_at: string | null;
}

export type StatsPayload = {
  period: { from: string; to: string; contactPointId: string };
  contactPoints: StatsContactPoint[];
  sessions: StatsSession[];
  consultations: StatsConsultation[];
  cases: StatsCase[];
  /** Pseudonym → sex (the hub's person rows need one; the counts read the consultation's snapshot). */
  persons: Record<string, string>;
  /** The generation of the network secret the pseudonyms are made under (absent: 1, before any replacement). */
  generation?: number;
  /**
   * While the sender still keeps earlier network secrets (after a replacement): each pseudonym → the
   * same woman's pseudonyms under those, so the hub counts her once across the change.
   */
  aliases?: Record<string, string[]>;
} & {
  /**
   * The live rows of each set dimension's table (issues, referrals), under its `payload` name. A
   * package from a version before a set dimension existed has no such field: the hub reads none.
   */
  [K in SetPayload]?: StatsSetRow[];
};

/** The consultation's own columns the engine reads besides the dimensions': when, where, whose, which case. */
const CONSULTATION_COLUMNS = [
  ...new Set([
    'id',
    'created_at',
    'date',
    'venue_kind',
    'contact_point_id',
    'mobile_session_id',
    'district_id',
    'kind',
    'case_id',
    'snap_sex',
    'snap_migrant_household',
    ...CONSULTATION_DIMENSION_COLUMNS.map((c) => c.column),
  ]),
];

export interface Identity {
  id: string;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string | null;
}

/**
 * The pseudonym of a person. Without a birth date, two women with the same name would be merged into
 * one, so such a record keys on its own id (counted apart rather than wrongly together).
 */
export function pseudonym(secret: Buffer, p: Identity): string {
  const identity = p.birth_date
    ? ['v1', latinKey(p.surname), latinKey(p.given_name), latinKey(p.patronymic), p.birth_date].join('|')
    : `v1|record|${p.id}`;
  return createHmac('sha256', secret).update(identity, 'utf8').digest('hex');
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

export async function buildStatsPayload(db: Db, keyring: NetworkKeyring, contactPointId: string, from: string, to: string): Promise<StatsPayload> {
  // The same consultations the engine counts: live, of a live client or of one merged into another.
  const consultations = await db
    .selectFrom('consultations as c')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .select(CONSULTATION_COLUMNS.map((c) => sql.ref<string | number | null>(`c.${c}`).as(c)))
    .select(['c.client_id as owner', 'cl.merged_into_id'])
    .where('c.contact_point_id', '=', contactPointId)
    .where('c.date', '>=', from)
    .where('c.date', '<=', to)
    .where('c.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('cl.deleted_at', 'is', null), eb('cl.merged_into_id', 'is not', null)]))
    .execute();
  const caseIds = uniq(consultations.map((c) => c.case_id).filter((x): x is string => typeof x === 'string'));
  const sessionIdsOf = uniq(consultations.map((c) => c.mobile_session_id).filter((x): x is string => typeof x === 'string'));

  const caseRows = await db
    .selectFrom('cases')
    .select(['id', 'client_id', 'case_type', 'status', 'opened_on', 'closed_on', 'contact_point_id', 'outcome', 'deleted_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('contact_point_id', '=', contactPointId), eb('closed_on', '>=', from), eb('closed_on', '<=', to)]),
        eb('id', 'in', caseIds.concat([''])),
      ]),
    )
    .execute();

  // Persons: the client, or the record she was merged into (as the engine counts her).
  const personIds = uniq([...consultations.map((c) => c.merged_into_id ?? c.owner), ...caseRows.map((c) => c.client_id)]);
  const persons: Record<string, string> = {};
  const aliases: Record<string, string[]> = {};
  const keyOf = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('clients')
      .select(['id', 'surname', 'given_name', 'patronymic', 'birth_date', 'sex'])
      .where('id', 'in', personIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const key = pseudonym(keyring.secret, r);
      keyOf.set(r.id, key);
      persons[key] = r.sex;
      if (keyring.earlier.length > 0) aliases[key] = keyring.earlier.map((s) => pseudonym(s, r));
    }
  }

  const sessionIds = sessionIdsOf.concat(['']);
  const sessions = await db
    .selectFrom('mobile_sessions')
    .select(['id', 'code', 'contact_point_id', 'date', 'district_id', 'status', 'status_changed_on', 'deleted_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('contact_point_id', '=', contactPointId), eb('date', '>=', from), eb('date', '<=', to), eb('deleted_at', 'is', null)]),
        eb('id', 'in', sessionIds),
      ]),
    )
    .execute();

  const cpIds = uniq([contactPointId, ...sessions.map((s) => s.contact_point_id), ...caseRows.map((c) => c.contact_point_id).filter((x): x is string => !!x)]);
  const contactPoints = await db
    .selectFrom('contact_points')
    .select(['id', 'code', 'name', 'district_id', 'organisation', 'established_on', 'closed_on', 'deleted_at'])
    .where('id', 'in', cpIds)
    .execute();

  const consultationIds = consultations.map((c) => String(c.id));
  const sets: Partial<Record<SetPayload, StatsSetRow[]>> = {};
  for (const { source } of SET_DIMENSIONS) {
    const rows: StatsSetRow[] = [];
    for (let i = 0; i < consultationIds.length; i += 500) {
      const { rows: found } = await sql<StatsSetRow>`SELECT id, consultation_id, ${sql.ref(source.column)} FROM ${sql.table(source.table)}
        WHERE consultation_id IN (${sql.join(consultationIds.slice(i, i + 500))}) AND deleted_at IS NULL`.execute(db);
      rows.push(...found);
    }
    sets[source.payload] = rows;
  }

  return {
    period: { from, to, contactPointId },
    contactPoints,
    sessions,
    consultations: consultations.map(({ owner, merged_into_id, ...c }) => ({ ...(c as StatsConsultation), person: keyOf.get(merged_into_id ?? owner)! })),
    ...sets,
    cases: caseRows.map(({ client_id, ...c }) => ({ ...c, person: keyOf.get(client_id)! })),
    persons,
    generation: keyring.generation,
    ...(keyring.earlier.length > 0 ? { aliases } : {}),
  };
}
