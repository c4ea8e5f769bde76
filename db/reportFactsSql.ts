import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import { PLACE_DIMENSIONS, SET_DIMENSIONS, SMALL_DIMENSIONS, type DimensionSource, type SetDimension } from '../shared/domain/indicatorDimensions';

// The SQL of the indicator report's facts (report_facts, migration 0009), generated from the
// declaration of the dimensions (shared/domain/indicatorDimensions.ts): the view of what a live
// consultation's fact is made of, the triggers that keep the facts up to date on every write, and the
// set-wise rebuild that a large merge uses instead (reportFactsUpkeep.ts). The value expressions are
// plain SQL that SQLite and PostgreSQL both run, so the counting pass over the consultations on the hub
// (indicatorCount.ts) and the drill-down (indicatorSql.ts) read each dimension exactly as the facts do.
//
// A fact: (date, time of recording, id) — the order of the first-consultation rule — whether its venue
// counts, and dictionary ids: `dims` (report_dims: the small dimensions joined by char(30), and whether
// the client was a woman from a migrant household), `place` (report_places: the contact point and the
// place dimensions), one column per set dimension (its dictionary: each value as `<length>:<value>`, in
// order; 0 = none) and `person` (report_people: the client). Dictionaries only grow.

/** The value of a small or place dimension of consultation `x`, as text. */
export function valueSql(source: Exclude<DimensionSource, { kind: 'set' | 'region' }>, x: string): string {
  const column = `${x}.${source.column}`;
  if (source.kind === 'place') return source.optional ? `COALESCE(${column}, 'unknown')` : column;
  return source.answer ? `CASE WHEN ${column} = 1 THEN 'yes' WHEN ${column} = 0 THEN 'no' ELSE 'unknown' END` : column;
}

/** The live values of set dimension `d` of consultation `consultationId`, each as `<length>:<value>`, in order (NULL: none). */
export function setSql(d: SetDimension, consultationId: string): string {
  const { table, column } = d.source;
  return `(SELECT string_agg(length(s.${column}) || ':' || s.${column}, '' ORDER BY s.${column})
    FROM ${table} s WHERE s.consultation_id = ${consultationId} AND s.deleted_at IS NULL)`;
}

const SMALL = (x: string) => `concat_ws(char(30), ${SMALL_DIMENSIONS.map((d) => valueSql(d.source, x)).join(', ')})`;
const WOMAN = (x: string) => `(${x}.snap_sex = 'F' AND ${x}.snap_migrant_household = 1)`;
const COUNTED = (x: string) => `(${x}.venue_kind = 'contact_point' OR EXISTS (SELECT 1 FROM mobile_sessions ms
  WHERE ms.id = ${x}.mobile_session_id AND ms.status = 'conducted' AND ms.deleted_at IS NULL))`;

/** report_places: its columns and their values for consultation `x`. */
const PLACE_COLUMNS = ['contact_point_id', ...PLACE_DIMENSIONS.map((d) => d.source.factColumn)];
const placeValues = (x: string) => [`${x}.contact_point_id`, ...PLACE_DIMENSIONS.map((d) => valueSql(d.source, x))];
const placeMatch = (p: string, values: string[]) => PLACE_COLUMNS.map((c, k) => `${p}.${c} = ${values[k]}`).join(' AND ');

/** The columns of report_facts, in the order the triggers and the rebuild write them. */
export const FACT_COLUMNS = ['date', 'created_at', 'id', 'counted', 'dims', 'place', ...SET_DIMENSIONS.map((d) => d.source.factColumn), 'person'];
/** The dictionaries, emptied when the facts are built again from nothing. */
export const DICTIONARIES = ['report_dims', 'report_places', 'report_people', ...SET_DIMENSIONS.map((d) => d.source.dictionary)];

// Inside a trigger the conflict clause of the statement that fired it overrides the trigger's own
// (an upsert at the hub made INSERT OR IGNORE fail), so the dictionaries are added to with NOT EXISTS.

function addSet(d: SetDimension, consultationId: string, guard: string): string {
  const { dictionary, factColumn } = d.source;
  return `INSERT INTO ${dictionary}(${factColumn}) SELECT s FROM (SELECT ${setSql(d, consultationId)} AS s)
    WHERE s IS NOT NULL AND ${guard} AND NOT EXISTS (SELECT 1 FROM ${dictionary} i WHERE i.${factColumn} = s)`;
}

const setId = (d: SetDimension, consultationId: string) =>
  `COALESCE((SELECT i.id FROM ${d.source.dictionary} i WHERE i.${d.source.factColumn} = ${setSql(d, consultationId)}), 0)`;

/** The statements that add the fact of consultation `x` (NEW in a trigger); `guard` limits them to live rows. */
function addFact(x: string, guard: string): string[] {
  const places = placeValues(x);
  return [
    `INSERT INTO report_dims(woman, small) SELECT ${WOMAN(x)}, ${SMALL(x)}
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_dims d WHERE d.woman = ${WOMAN(x)} AND d.small = ${SMALL(x)})`,
    `INSERT INTO report_places(${PLACE_COLUMNS.join(', ')}) SELECT ${places.join(', ')}
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_places p WHERE ${placeMatch('p', places)})`,
    `INSERT INTO report_people(client_id) SELECT ${x}.client_id
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_people pe WHERE pe.client_id = ${x}.client_id)`,
    ...SET_DIMENSIONS.map((d) => addSet(d, `${x}.id`, guard)),
    `INSERT INTO report_facts(${FACT_COLUMNS.join(', ')})
     SELECT ${x}.date, ${x}.created_at, ${x}.id, ${COUNTED(x)},
       (SELECT d.id FROM report_dims d WHERE d.woman = ${WOMAN(x)} AND d.small = ${SMALL(x)}),
       (SELECT p.id FROM report_places p WHERE ${placeMatch('p', places)}),
       ${SET_DIMENSIONS.map((d) => `${setId(d, `${x}.id`)},`).join('\n       ')}
       (SELECT pe.id FROM report_people pe WHERE pe.client_id = ${x}.client_id)
     WHERE ${guard}`,
  ];
}

/** Recomputes set dimension `d` of consultation `consultationId` (a trigger on its table). */
function refreshSet(d: SetDimension, consultationId: string): string[] {
  return [
    addSet(d, consultationId, '1'),
    `UPDATE report_facts SET ${d.source.factColumn} = ${setId(d, consultationId)}
     WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.id = ${consultationId})`,
  ];
}

/** Sets `counted` on the facts of session `x`'s consultations. */
function recount(x: string, counted: string): string {
  return `UPDATE report_facts SET counted = ${counted}
    WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.mobile_session_id = ${x}.id)`;
}

/** Columns of consultations whose change changes its fact. */
const WATCHED = [
  ...new Set([
    'date',
    'created_at',
    'id',
    'client_id',
    'venue_kind',
    'contact_point_id',
    'mobile_session_id',
    'snap_sex',
    'snap_migrant_household',
    ...SMALL_DIMENSIONS.map((d) => d.source.column),
    ...PLACE_DIMENSIONS.map((d) => d.source.column),
    'deleted_at',
  ]),
];

export interface FactTrigger {
  name: string;
  sql: string;
}

const trigger = (name: string, event: string, statements: string[]): FactTrigger => ({
  name,
  sql: `CREATE TRIGGER ${name} ${event} FOR EACH ROW BEGIN
  ${statements.map((s) => `${s};`).join('\n  ')}
END`,
});

const sessionCounted = "(NEW.status = 'conducted' AND NEW.deleted_at IS NULL)";
const dropFact = 'DELETE FROM report_facts WHERE date = OLD.date AND created_at = OLD.created_at AND id = OLD.id';

/** The triggers that keep report_facts up to date: three on consultations, three per set dimension, three on sessions. */
export const FACT_TRIGGERS: readonly FactTrigger[] = [
  trigger('report_facts_consultation_insert', 'AFTER INSERT ON consultations', addFact('NEW', 'NEW.deleted_at IS NULL')),
  trigger('report_facts_consultation_update', `AFTER UPDATE OF ${WATCHED.join(', ')} ON consultations`, [dropFact, ...addFact('NEW', 'NEW.deleted_at IS NULL')]),
  trigger('report_facts_consultation_delete', 'AFTER DELETE ON consultations', [dropFact]),
  ...SET_DIMENSIONS.flatMap((d) => {
    const { table, column } = d.source;
    const name = `report_facts_${d.key}`;
    return [
      trigger(`${name}_insert`, `AFTER INSERT ON ${table}`, refreshSet(d, 'NEW.consultation_id')),
      trigger(`${name}_update`, `AFTER UPDATE OF consultation_id, ${column}, deleted_at ON ${table}`, [
        ...refreshSet(d, 'OLD.consultation_id'),
        ...refreshSet(d, 'NEW.consultation_id'),
      ]),
      trigger(`${name}_delete`, `AFTER DELETE ON ${table}`, refreshSet(d, 'OLD.consultation_id')),
    ];
  }),
  trigger('report_facts_session_insert', 'AFTER INSERT ON mobile_sessions', [recount('NEW', sessionCounted)]),
  trigger('report_facts_session_update', 'AFTER UPDATE OF status, deleted_at ON mobile_sessions', [recount('NEW', sessionCounted)]),
  trigger('report_facts_session_delete', 'AFTER DELETE ON mobile_sessions', [recount('OLD', '0')]),
];

/** What a live consultation's fact is made of, before the dictionaries (the triggers compute the same from NEW). */
export const FACT_VALUES_VIEW = `CREATE VIEW report_fact_values AS SELECT c.id, c.date, c.created_at, ${COUNTED('c')} AS counted,
  ${WOMAN('c')} AS woman, ${SMALL('c')} AS small, c.client_id,
  ${placeValues('c')
    .map((v, k) => `${v} AS ${PLACE_COLUMNS[k]}`)
    .join(', ')},
  ${SET_DIMENSIONS.map((d) => `${setSql(d, 'c.id')} AS ${d.source.factColumn}`).join(',\n  ')}
  FROM consultations c WHERE c.deleted_at IS NULL`;

/**
 * The dictionary ids of fact values `r` (rows shaped like report_fact_values). `join` is JOIN where
 * every dictionary row must exist, LEFT JOIN where a missing one must show as NULL (the sets stay a
 * LEFT JOIN: no values means id 0).
 */
export function dictionaryJoins(join: 'JOIN' | 'LEFT JOIN'): string {
  return [
    `${join} report_dims d ON d.woman = r.woman AND d.small = r.small`,
    `${join} report_places p ON ${PLACE_COLUMNS.map((c) => `p.${c} = r.${c}`).join(' AND ')}`,
    `${join} report_people pe ON pe.client_id = r.client_id`,
    ...SET_DIMENSIONS.map((d, k) => `LEFT JOIN ${d.source.dictionary} s${k} ON s${k}.${d.source.factColumn} = r.${d.source.factColumn}`),
  ].join('\n     ');
}

/** The fact of values `r` joined with dictionaryJoins: counted, dims, place, the sets, person. */
export const FACT_IDS = [
  'r.counted',
  'd.id',
  'p.id',
  ...SET_DIMENSIONS.map((d, k) => `CASE WHEN r.${d.source.factColumn} IS NULL THEN 0 ELSE s${k}.id END`),
  'pe.id',
];

/**
 * Builds the facts of the consultations listed in `noted` (a table of ids) from the view: their
 * former facts go, the dictionaries gain the new values, one pass each, and the facts of the live ones
 * are written. CROSS JOIN keeps SQLite on the noted consultations as the outer loop: a temporary table
 * has no statistics, and SQLite scanned every consultation of the database to probe it instead (a
 * second of a national year's import).
 */
function rebuildStatements(noted: string): string[] {
  return [
    `CREATE TEMP TABLE report_rebuild AS SELECT v.* FROM ${noted} s CROSS JOIN report_fact_values v ON v.id = s.id`,
    `DELETE FROM report_facts WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM ${noted} s CROSS JOIN consultations c ON c.id = s.id)`,
    `INSERT INTO report_dims (woman, small) SELECT DISTINCT r.woman, r.small FROM temp.report_rebuild r
       WHERE NOT EXISTS (SELECT 1 FROM report_dims d WHERE d.woman = r.woman AND d.small = r.small)`,
    `INSERT INTO report_places (${PLACE_COLUMNS.join(', ')}) SELECT DISTINCT ${PLACE_COLUMNS.map((c) => `r.${c}`).join(', ')}
       FROM temp.report_rebuild r WHERE NOT EXISTS (SELECT 1 FROM report_places p WHERE ${PLACE_COLUMNS.map((c) => `p.${c} = r.${c}`).join(' AND ')})`,
    `INSERT INTO report_people (client_id) SELECT DISTINCT r.client_id FROM temp.report_rebuild r
       WHERE NOT EXISTS (SELECT 1 FROM report_people pe WHERE pe.client_id = r.client_id)`,
    ...SET_DIMENSIONS.map(({ source: { dictionary, factColumn: c } }) => `INSERT INTO ${dictionary} (${c}) SELECT DISTINCT r.${c} FROM temp.report_rebuild r
       WHERE r.${c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${dictionary} i WHERE i.${c} = r.${c})`),
    `INSERT INTO report_facts (${FACT_COLUMNS.join(', ')})
       SELECT r.date, r.created_at, r.id, ${FACT_IDS.join(', ')}
       FROM temp.report_rebuild r ${dictionaryJoins('JOIN')}`,
    'DROP TABLE temp.report_rebuild',
  ];
}

/** Consultations whose facts are built in one pass of rebuildStatements. */
const REBUILD_SLICE = 5000;

/**
 * Builds the facts of the consultations listed in `noted` (a temporary table of ids) a slice of ids at
 * a time, in the caller's transaction. Each pass gathers its consultations' values in a temporary table,
 * in memory (db/open.ts): a national year's consultations at once raised the app's memory by some 30-40
 * MB at the end of the year's import (to 297-306 MB; a slice at a time, 278), and a new version's facts
 * are built for every consultation of the database.
 */
export async function rebuildFactsOf(trx: Transaction<Database>, noted: string): Promise<void> {
  await sql.raw('CREATE TEMP TABLE report_slice (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID').execute(trx);
  for (let after = ''; ; ) {
    await sql.raw('DELETE FROM temp.report_slice').execute(trx);
    await sql`INSERT INTO temp.report_slice (id) SELECT id FROM ${sql.raw(noted)} WHERE id > ${after} ORDER BY id LIMIT ${REBUILD_SLICE}`.execute(trx);
    const { rows } = await sql<{ last: string | null }>`SELECT max(id) AS last FROM temp.report_slice`.execute(trx);
    if (rows[0]?.last == null) break;
    for (const statement of rebuildStatements('temp.report_slice')) await sql.raw(statement).execute(trx);
    after = rows[0].last;
  }
  await sql.raw('DROP TABLE temp.report_slice').execute(trx);
}
