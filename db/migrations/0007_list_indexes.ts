import { sql, type Kysely } from 'kysely';

// Found by the national-scale benchmark: the long lists spent their time counting the
// matching rows for `total`, reading every row of the table because the filtered column was in no
// index of live rows (150,000 clients read to count the women; 60,000 cases to count the active ones).
// - clients(sex, id): the count of women (or men) is a range of this index; with "from a migrant
//   household" the EXISTS probes the households' index in the same id order.
// - cases, active ones (every status but closed): the count is this small index, and the first page
//   newest first walks it in order. The partial index's condition is the list's own filter, written
//   the same way (`status != 'closed'`), so SQLite can use it.
// - cases(status, opened_on, id): the count of one status is a range, and its page newest first too.
const STATEMENTS = [
  'CREATE INDEX clients_live_sex ON clients(sex, id) WHERE deleted_at IS NULL',
  "CREATE INDEX cases_live_active_opened ON cases(opened_on, id) WHERE deleted_at IS NULL AND status != 'closed'",
  'CREATE INDEX cases_live_status ON cases(status, opened_on, id) WHERE deleted_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
