import type { Db } from './writeContext';

// The users a record may name (the lawyer of a consultation, the person in charge of a case or a
// task, a staff member's account). Creating users and their key slots is electron/app/users.ts.

/** Whether the user exists and was not removed. */
export async function userExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

/** The users who may advise clients or hold a case (administrators, lawyers, paralegals), removed ones left out, by name. */
export async function lawyerRows(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'active'])
    .where('deleted_at', 'is', null)
    .where('role', 'in', ['administrator', 'lawyer', 'paralegal'])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}
