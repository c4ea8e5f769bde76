import { sql, type Kysely } from 'kysely';

// One change message per write instead of one per column. A national year made 5.2 million
// column messages (a client alone is some thirty), which no exchange package could carry in time or in
// memory. A message now holds the columns of one write as a JSON object ({"surname":"…","sex":"F"};
// bytes as {"$bytes":"<base64>"}) under the write's stamp; the merge still decides column by column.
// The insert message also carries created_at, so a row created on arrival keeps its first-recorded time.
//
// `seq` is the local arrival order that peers acknowledge. A write's column messages were consecutive,
// so each new message takes the highest old rowid of its group: acknowledgements already stored on
// both sides of a pairing keep their meaning. `data` comes last: a message with a document's bytes spills
// into overflow pages, and a scan that filters on origin or table must not have to read them.

const STATEMENTS = [
  `CREATE TABLE change_log_rows (
    seq INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    data TEXT NOT NULL)`,
  `INSERT INTO change_log_rows (seq, hlc, table_name, row_id, origin, data)
    SELECT MAX(rowid), hlc, table_name, row_id, origin, json_group_object(column_name, json(value))
    FROM change_log GROUP BY hlc, table_name, row_id, origin`,
  `DROP TABLE change_log`,
  `ALTER TABLE change_log_rows RENAME TO change_log`,
  // A message is known by its stamp and row (a second arrival is recognised); the merge reads a row's
  // history through the same index.
  `CREATE UNIQUE INDEX change_log_row ON change_log(table_name, row_id, hlc)`,
  // The newest stamp (to restart the clock, and a report's data stamp).
  `CREATE INDEX change_log_hlc ON change_log(hlc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  // created_at into the first message of every row (the insert), from the row itself.
  const tables = await sql<{ table_name: string }>`SELECT DISTINCT table_name FROM change_log`.execute(db);
  for (const { table_name: table } of tables.rows) {
    if (!/^[a-z_]+$/.test(table)) continue;
    await sql
      .raw(
        `UPDATE change_log SET data = json_set(data, '$.created_at', (SELECT t.created_at FROM "${table}" t WHERE t.id = change_log.row_id))
         WHERE table_name = '${table}'
           AND seq = (SELECT MIN(c2.seq) FROM change_log c2 WHERE c2.table_name = '${table}' AND c2.row_id = change_log.row_id)
           AND EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = change_log.row_id)`,
      )
      .execute(db);
  }
}
