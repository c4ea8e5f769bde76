import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Database } from '../schema';
import { tombstoneRow, updateRow } from '../write';
import { deleteClientDrafts } from './drafts';
import { audit, type WriteCtx } from './writeContext';

// Erasure on request (data protection): a client's personal data is removed everywhere it is stored —
// her record, phones, migrant household, children, free texts of her consultations and cases, her
// documents, and the history of those values in change_log — while the de-identified facts the
// indicators need stay (the consultation snapshots: sex, age band, statuses, district, issues; case type,
// status, outcome and amounts). The erasure is itself a set of ordinary changes, so exchange packages
// carry it to paired installations.

export const ERASED_MARK = '—';

/** Columns that hold personal data, per table, with the value they get on erasure. */
const PERSONAL: Record<string, Record<string, unknown>> = {
  clients: {
    surname: ERASED_MARK, given_name: '', patronymic: '', search_name: '', search_key: '', birth_date: null, age_recorded: null,
    age_recorded_on: null, id_doc_type: '', id_doc_number: '', residence_jamoat: '', residence_village: '', residence_address: '', notes: '',
  },
  client_phones: { phone: '', label: '' },
  migrant_households: { migrant_surname: '', migrant_given_name: '', migrant_patronymic: '', migrant_birth_date: null, city: '', notes: '', abandoned_override_reason: '' },
  children: { surname: '', given_name: ERASED_MARK, patronymic: '', birth_date: null, birth_certificate: '', notes: '' },
  consultations: { advice: '' },
  consultation_referrals: { note: '' },
  cases: { respondent_name: '', respondent_birth_date: null, respondent_address: '', respondent_whereabouts: '', respondent_phone: '', conflict_note: '', court_case_number: '', judge: '', notes: '', details: '{}' },
  hearings: { notes: '', result: '', removal_reason: '' },
  hearing_postponements: { reason: '' },
  case_status_history: { note: '' },
  case_transfers: { reason: '' },
  tasks: { title: ERASED_MARK, removal_reason: '' },
  documents: { title: '', file_name: ERASED_MARK, content: new Uint8Array(0), size_bytes: 0, sha256: '', thumbnail: null },
};

/** Tables whose rows are removed altogether (tombstoned) once blanked. */
const TOMBSTONED = new Set(['client_phones', 'migrant_households', 'children', 'documents']);

/**
 * Blanks the values of `columns` in the change messages of these rows stamped up to `stamp`, so a removed
 * value does not live on in the history (json_replace touches only the columns a message holds; the
 * column names are the callers' constants, never input).
 */
export async function forgetHistory(trx: Transaction<Database>, table: string, rowIds: string[], columns: string[], stamp: string): Promise<void> {
  if (!rowIds.length) return;
  const blanked = sql.raw(columns.map((column) => `'$.${column}', NULL`).join(', '));
  await sql`UPDATE change_log SET data = json_replace(data, ${blanked})
    WHERE table_name = ${table} AND row_id IN (${sql.join(rowIds)}) AND hlc <= ${stamp}`.execute(trx);
}

export async function eraseClient(ctx: WriteCtx, clientId: string): Promise<{ rows: number }> {
  const { trx, w } = ctx;
  const client = await trx.selectFrom('clients').select(['id', 'erased_at', 'merged_into_id']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No such client');
  if (client.erased_at) throw new AppError('CONFLICT', 'This client was already erased');

  // Records merged into hers are her too: they keep the values they had (the merge's history), so they go as well.
  const merged = (await trx.selectFrom('clients').select('id').where('merged_into_id', '=', clientId).execute()).map((r) => r.id);
  const people = [clientId, ...merged];
  const ids = async (table: 'client_phones' | 'migrant_households' | 'children' | 'consultations' | 'cases' | 'documents', column: 'client_id') =>
    (await trx.selectFrom(table).select('id').where(column, 'in', people).execute()).map((r) => r.id);
  const consultations = await ids('consultations', 'client_id');
  const cases = await ids('cases', 'client_id');
  const byParent = async (
    table: 'consultation_referrals' | 'hearings' | 'hearing_postponements' | 'case_status_history' | 'case_transfers' | 'tasks' | 'documents',
    column: 'consultation_id' | 'case_id' | 'hearing_id',
    parents: string[],
  ) =>
    parents.length ? (await (trx as Transaction<any>).selectFrom(table).select('id').where(column, 'in', parents).execute()).map((r: { id: string }) => r.id) : [];

  const hearings = await byParent('hearings', 'case_id', cases);
  const targets: Record<string, string[]> = {
    clients: people,
    client_phones: await ids('client_phones', 'client_id'),
    migrant_households: await ids('migrant_households', 'client_id'),
    children: await ids('children', 'client_id'),
    consultations,
    consultation_referrals: await byParent('consultation_referrals', 'consultation_id', consultations),
    cases,
    hearings,
    hearing_postponements: await byParent('hearing_postponements', 'hearing_id', hearings),
    case_status_history: await byParent('case_status_history', 'case_id', cases),
    case_transfers: await byParent('case_transfers', 'case_id', cases),
    tasks: await byParent('tasks', 'case_id', cases),
    documents: [...new Set([...(await ids('documents', 'client_id')), ...(await byParent('documents', 'case_id', cases))])],
  };

  let rows = 0;
  const eraseStamp = w.clock.last();
  for (const [table, rowIds] of Object.entries(targets)) {
    const blank = PERSONAL[table]!;
    for (const id of rowIds) {
      await updateRow(trx, w, table as never, id, blank as never, { removed: true });
      if (TOMBSTONED.has(table)) await tombstoneRow(trx, w, table as never, id);
      rows += 1;
    }
    // The history of the personal values goes too: older change messages of these cells lose their value.
    await forgetHistory(trx, table, rowIds, Object.keys(blank), eraseStamp);
  }
  // Unsaved entries about her (an edit, a new consultation or case begun for her) are local rows: deleted.
  await deleteClientDrafts(trx, clientId);
  await updateRow(trx, w, 'clients', clientId, { erased_at: new Date().toISOString() });
  await audit(ctx, 'client.erase', 'clients', clientId, { rows });
  return { rows };
}
