import { sql, type Transaction } from 'kysely';
import { MIN_DIGIT_RUN } from '../../shared/domain/phone';
import type { Database } from '../schema';
import { deferUpkeep, type Deferral, type NotingTrigger } from './deferredUpkeep';

// Deferred upkeep of client_search_terms (migration 0013) for a write of many rows at once (an exchange
// merge of a year of national changes). The terms' triggers insert about twenty terms per client at
// scattered places of a large index, row by row: a national year's import spent 15 of its 35 s there,
// nearly all of it for new clients and phones. So, inside the merge's transaction, deferSearchTerms
// sets the insert triggers aside and notes which clients got a new record or phone
// (deferredUpkeep.ts, as for the report's facts); finish() writes the terms of those clients set-wise,
// in the index's order. The update and delete triggers stay: a change or removal takes its old terms
// away at once (by the index's key), so what finish() adds to is never stale, and it needs to remove
// nothing (removing by client, which no index serves, read the whole index).
//
// The terms written here are those the triggers write: every word of the Latin name key (n:), every
// ending of MIN_DIGIT_RUN or more characters of the identity document number (d:) and of a live phone's
// national number (p:). test/exchange/searchTerms.test.ts compares the two on the same clients.

const STALE = 'search_stale';
const NOTED = `temp.${STALE}`;
const note = (id: string) => `INSERT OR IGNORE INTO ${NOTED} (id) VALUES (${id})`;

const NOTING: NotingTrigger[] = [
  ['search_note_client_insert', 'AFTER INSERT ON clients', [note('NEW.id')]],
  ['search_note_phone_insert', 'AFTER INSERT ON client_phones', [note('NEW.client_id')]],
];

/** Positions 1…60 of a number's endings (documents are at most 60 characters), as rows to range over. */
const POSITIONS = 'temp.search_positions';
/** A stored phone's national digits (+992 and the nine digits are stored; other numbers keep their digits). */
const NATIONAL = `(CASE WHEN ph.phone LIKE '+992%' THEN substr(ph.phone, 5) ELSE replace(ph.phone, '+', '') END)`;

/** Each kind of term, as (term, client_id) rows of the noted clients. */
const SOURCES: Record<'n' | 'd' | 'p', string> = {
  n: `SELECT 'n:' || w.value AS term, c.id AS client_id
        FROM ${NOTED} s CROSS JOIN clients c ON c.id = s.id, json_each('["' || replace(c.search_key, ' ', '","') || '"]') w
        WHERE w.value <> ''`,
  d: `SELECT 'd:' || substr(c.id_doc_number, pos.value) AS term, c.id AS client_id
        FROM ${NOTED} s CROSS JOIN clients c ON c.id = s.id CROSS JOIN ${POSITIONS} pos
        WHERE pos.value <= length(c.id_doc_number) - ${MIN_DIGIT_RUN - 1}`,
  p: `SELECT 'p:' || substr(${NATIONAL}, pos.value) AS term, ph.client_id AS client_id
        FROM ${NOTED} s CROSS JOIN client_phones ph ON ph.client_id = s.id CROSS JOIN ${POSITIONS} pos
        WHERE ph.deleted_at IS NULL AND pos.value <= length(${NATIONAL}) - ${MIN_DIGIT_RUN - 1}`,
};

/**
 * Where each kind of term is cut in two, by the character after its prefix (digits, or the Latin
 * letters of a name): the terms are written a half-kind at a time, in the index's order. Sorted whole,
 * a national year's half a million terms took some 80 MB for a moment: SQLite sorts in memory without
 * limit while temporary storage is in memory (always: db/open.ts). A range at a time, the sort holds a
 * sixth of it, and the index is still written in its own order.
 */
const HALVES: Record<keyof typeof SOURCES, string> = { d: '5', n: 'm', p: '5' };

/** The ranges of terms, in the index's order: [kind, from, to) (';' is the character after ':'). */
const RANGES = (Object.keys(HALVES) as (keyof typeof SOURCES)[]).sort().flatMap((kind) => [
  [kind, `${kind}:`, `${kind}:${HALVES[kind]}`],
  [kind, `${kind}:${HALVES[kind]}`, `${kind};`],
]) as [kind: keyof typeof SOURCES, from: string, to: string][];

/**
 * The terms of the noted clients, set-wise and sorted, so the index is written in its own order. The
 * noted clients lead each join (CROSS JOIN fixes SQLite's order: left to choose, it read every client
 * and phone), and each number's endings come from a range of positions up to its length, not all 60.
 */
const REBUILD = [
  `CREATE TEMP TABLE search_positions (value INTEGER PRIMARY KEY)`,
  `INSERT INTO ${POSITIONS} (value) SELECT value FROM json_each('[${Array.from({ length: 60 }, (_, i) => i + 1).join(',')}]')`,
  ...RANGES.map(
    ([kind, from, to]) => `INSERT OR IGNORE INTO client_search_terms (term, client_id)
    SELECT term, client_id FROM (${SOURCES[kind]}) WHERE term >= '${from}' AND term < '${to}' ORDER BY term, client_id`,
  ),
  `DROP TABLE ${POSITIONS}`,
];

/** From now until finish(), in this transaction, the search terms' insert triggers only note which clients they were for. */
export function deferSearchTerms(trx: Transaction<Database>): Promise<Deferral> {
  return deferUpkeep(trx, { triggers: 'client_search_terms_*insert', noted: STALE, noting: NOTING, rebuild: writeNotedTerms });
}

async function writeNotedTerms(trx: Transaction<Database>): Promise<void> {
  for (const statement of REBUILD) await sql.raw(statement).execute(trx);
}

/** Writes every client's terms again (tests compare it with what the triggers keep). */
export async function rebuildAllSearchTerms(trx: Transaction<Database>): Promise<void> {
  const terms = await deferSearchTerms(trx);
  await sql`DELETE FROM client_search_terms`.execute(trx);
  await sql.raw(`INSERT INTO ${NOTED} (id) SELECT id FROM clients`).execute(trx);
  await terms.finish();
}
