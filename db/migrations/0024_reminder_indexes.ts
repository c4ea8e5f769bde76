import { sql, type Kysely } from 'kysely';

// The sign-in reminders (a lawyer's overdue tasks) at national size: the open tasks assigned to the
// lawyer by due date, instead of every overdue open task of the installation each checked for whose it
// is. The lawyer's unassigned tasks come from their cases (cases_live_responsible, tasks_live_case_due).
const STATEMENTS = ['CREATE INDEX tasks_open_assignee_due ON tasks(assignee_user_id, due_on) WHERE deleted_at IS NULL AND done_on IS NULL'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
