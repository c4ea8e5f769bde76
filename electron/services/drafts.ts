import { deleteDraft, findDraft, upsertDraft } from '../../db/queries/drafts';
import type { Draft } from '../../shared/api/draftTypes';
import type { Unlocked } from './index';

// A user's unsaved entries: each user reads and writes only their own (the key is always the signed-in
// user's id, never taken from the input). Not audited: nothing here has been recorded yet, and the
// values are never logged.

export async function getDraft(s: Unlocked, formKey: string): Promise<{ draft: Draft | null }> {
  const row = await findDraft(s.db, s.user.id, formKey);
  if (!row) return { draft: null };
  return { draft: { values: JSON.parse(row.data) as Record<string, unknown>, savedAt: row.saved_at } };
}

export async function putDraft(s: Unlocked, input: { formKey: string; clientId: string | null; values: Record<string, unknown> }): Promise<{ savedAt: string }> {
  const savedAt = new Date().toISOString();
  await upsertDraft(s.db, { userId: s.user.id, formKey: input.formKey, clientId: input.clientId, data: JSON.stringify(input.values), savedAt });
  return { savedAt };
}

export async function discardDraft(s: Unlocked, formKey: string): Promise<{ discarded: boolean }> {
  const had = (await findDraft(s.db, s.user.id, formKey)) !== undefined;
  await deleteDraft(s.db, s.user.id, formKey);
  return { discarded: had };
}
