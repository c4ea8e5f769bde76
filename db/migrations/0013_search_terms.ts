import { sql, type Kysely } from 'kysely';

// Look-ups the name and number indexes of 0004 cannot answer: a given name or patronymic alone
// ("Зарина" finds Раҳимова Зарина), and a run of digits from the middle of a phone or document number
// ("9291" finds +992 93 929 11 22). One table of search terms, each an indexed prefix:
//   n:<word>    every word of the client's Latin name key (clients.search_key);
//   p:<digits>  every ending of four digits or more of a live phone's national number;
//   d:<text>    every ending of four characters or more of the identity document number.
// A prefix of an ending is a run anywhere in the number, so a substring look-up stays an index range.
// Triggers keep the terms in step with every way a row is written — the screens, the importer, the
// seed, an exchange package, a merge or an erasure — so no write path can forget them. The terms are
// derived data: they never enter the change log or a package.

/** Positions 1…N, for the endings of a number (documents are at most 60 characters). */
const POSITIONS = `'[${Array.from({ length: 60 }, (_, i) => i + 1).join(',')}]'`;
// The shortest run looked up (shared/domain/phone.ts MIN_DIGIT_RUN); a migration keeps its own copy, as
// a shipped step never changes.
const MIN_RUN = 4;

/** The rows (term, client_id) of the words of a name key: a JSON array made from the a–z and spaces of the key. */
function nameTerms(key: string, clientId: string): string {
  return `SELECT 'n:' || value AS term, ${clientId} AS client_id FROM json_each('["' || replace(${key}, ' ', '","') || '"]') WHERE value <> ''`;
}

/** The rows (term, client_id) of the endings of a number. */
function endingTerms(kind: 'p' | 'd', text: string, clientId: string): string {
  return `SELECT '${kind}:' || substr(${text}, value) AS term, ${clientId} AS client_id FROM json_each(${POSITIONS}) WHERE length(${text}) - value + 1 >= ${MIN_RUN}`;
}

/** A stored phone's national digits (+992 and the nine digits are stored; other numbers keep their digits). */
const national = (phone: string) => `(CASE WHEN ${phone} LIKE '+992%' THEN substr(${phone}, 5) ELSE replace(${phone}, '+', '') END)`;

function clientTerms(row: 'new' | 'old'): string {
  return `${nameTerms(`${row}.search_key`, `${row}.id`)} UNION ${endingTerms('d', `${row}.id_doc_number`, `${row}.id`)}`;
}

/** The phone endings of every live phone of a client. */
function livePhoneTerms(clientId: string): string {
  return `SELECT 'p:' || substr(${national('ph.phone')}, pos.value), ph.client_id FROM client_phones ph, json_each(${POSITIONS}) pos
    WHERE ph.client_id = ${clientId} AND ph.deleted_at IS NULL AND length(${national('ph.phone')}) - pos.value + 1 >= ${MIN_RUN}`;
}

/** Removes a client's phone terms and writes those of the phones still live (two phones may share an ending). */
function refreshPhones(clientId: string): string {
  return `DELETE FROM client_search_terms WHERE client_id = ${clientId} AND term >= 'p:' AND term < 'p;'
      AND term IN (SELECT 'p:' || substr(${national('old.phone')}, value) FROM json_each(${POSITIONS}));
    INSERT OR IGNORE INTO client_search_terms (term, client_id) ${livePhoneTerms(clientId)};`;
}

const STATEMENTS = [
  `CREATE TABLE client_search_terms (
    term TEXT NOT NULL,
    client_id TEXT NOT NULL,
    PRIMARY KEY (term, client_id)
  ) WITHOUT ROWID`,
  `CREATE TRIGGER client_search_terms_insert AFTER INSERT ON clients BEGIN
    INSERT OR IGNORE INTO client_search_terms (term, client_id) ${clientTerms('new')};
  END`,
  `CREATE TRIGGER client_search_terms_update AFTER UPDATE OF search_key, id_doc_number ON clients BEGIN
    DELETE FROM client_search_terms WHERE client_id = old.id AND term IN (SELECT term FROM (${clientTerms('old')}));
    INSERT OR IGNORE INTO client_search_terms (term, client_id) ${clientTerms('new')};
  END`,
  `CREATE TRIGGER client_search_terms_delete AFTER DELETE ON clients BEGIN
    DELETE FROM client_search_terms WHERE client_id = old.id AND term IN (SELECT term FROM (${clientTerms('old')}));
  END`,
  `CREATE TRIGGER client_search_terms_phone_insert AFTER INSERT ON client_phones WHEN new.deleted_at IS NULL BEGIN
    INSERT OR IGNORE INTO client_search_terms (term, client_id) ${endingTerms('p', national('new.phone'), 'new.client_id')};
  END`,
  `CREATE TRIGGER client_search_terms_phone_update AFTER UPDATE OF phone, client_id, deleted_at ON client_phones BEGIN
    ${refreshPhones('old.client_id')}
    INSERT OR IGNORE INTO client_search_terms (term, client_id) ${livePhoneTerms('new.client_id')};
  END`,
  `CREATE TRIGGER client_search_terms_phone_delete AFTER DELETE ON client_phones BEGIN
    ${refreshPhones('old.client_id')}
  END`,
  // The terms of the clients and phones already stored.
  `INSERT OR IGNORE INTO client_search_terms (term, client_id)
    SELECT 'n:' || w.value, c.id FROM clients c, json_each('["' || replace(c.search_key, ' ', '","') || '"]') w WHERE w.value <> ''`,
  `INSERT OR IGNORE INTO client_search_terms (term, client_id)
    SELECT 'd:' || substr(c.id_doc_number, pos.value), c.id FROM clients c, json_each(${POSITIONS}) pos WHERE length(c.id_doc_number) - pos.value + 1 >= ${MIN_RUN}`,
  `INSERT OR IGNORE INTO client_search_terms (term, client_id)
    SELECT 'p:' || substr(${national('ph.phone')}, pos.value), ph.client_id FROM client_phones ph, json_each(${POSITIONS}) pos
    WHERE ph.deleted_at IS NULL AND length(${national('ph.phone')}) - pos.value + 1 >= ${MIN_RUN}`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
