import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

// Unsaved form entries (see migration 0015): plain local rows, replaced on every keystroke batch and
// deleted when the form is saved or discarded, so they go around the synced write path on purpose.

type Db = Kysely<Database> | Transaction<Database>;

export interface DraftRow {
  data: string;
  saved_at: string;
}

export async function findDraft(db: Db, userId: string, formKey: string): Promise<DraftRow | undefined> {
  return db.selectFrom('drafts').select(['data', 'saved_at']).where('user_id', '=', userId).where('form_key', '=', formKey).executeTakeFirst();
}

export async function upsertDraft(db: Db, row: { userId: string; formKey: string; clientId: string | null; data: string; savedAt: string }): Promise<void> {
  await db
    .insertInto('drafts')
    .values({ user_id: row.userId, form_key: row.formKey, client_id: row.clientId, data: row.data, saved_at: row.savedAt })
    .onConflict((oc) => oc.columns(['user_id', 'form_key']).doUpdateSet({ client_id: row.clientId, data: row.data, saved_at: row.savedAt }))
    .execute();
}

export async function deleteDraft(db: Db, userId: string, formKey: string): Promise<void> {
  await db.deleteFrom('drafts').where('user_id', '=', userId).where('form_key', '=', formKey).execute();
}

/** Drafts about one client: they go with her erasure. */
export async function deleteClientDrafts(db: Db, clientId: string): Promise<number> {
  const res = await db.deleteFrom('drafts').where('client_id', '=', clientId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** A user's drafts: they go when the account is disabled (nobody else may read them). */
export async function deleteUserDrafts(db: Db, userId: string): Promise<number> {
  const res = await db.deleteFrom('drafts').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}
