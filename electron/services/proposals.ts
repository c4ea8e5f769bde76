import { sql } from 'kysely';
import { columnValue } from '../../db/changeLog';
import { audit, type Db } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import type { ProposedChange } from '../../shared/api/filingsTypes';
import { checkPlaceholders, requireManifest } from '../documents/templateStore';
import { ChangeMerger, maxSeq } from '../exchange/fullSync';
import { withWrite, type Unlocked } from './index';

// Templates and legal references that a paired installation sent (electron/exchange/fullSync.ts keeps
// them aside): until an administrator here accepts one, the shipped or locally accepted version stays
// in every filing. Accepting merges the message as it arrived (its stamp and origin kept, so it travels
// on like any other change); rejecting only records the decision, so the same message is not offered again.

function textOf(data: Record<string, unknown>, column: string): string | undefined {
  const v = data[column];
  return typeof v === 'string' ? v : undefined;
}

/** One proposal per row: every message waiting for it, the newest value of each column shown. */
export async function listProposals(s: Unlocked): Promise<ProposedChange[]> {
  const rows = await s.db.selectFrom('proposed_changes').selectAll().where('status', '=', 'pending').orderBy('received_at').orderBy('hlc').execute();
  const byRow = new Map<string, { first: (typeof rows)[number]; data: Record<string, unknown> }>();
  for (const r of rows) {
    const key = `${r.table_name}\u0000${r.row_id}`;
    const entry = byRow.get(key) ?? byRow.set(key, { first: r, data: {} }).get(key)!;
    Object.assign(entry.data, JSON.parse(r.data) as Record<string, unknown>);
  }
  const out: ProposedChange[] = [];
  for (const { first: r, data } of byRow.values()) {
    const fields = Object.keys(data).filter((c) => c !== 'created_at');
    const base = { id: r.id, senderInstallationId: r.sender_installation_id, receivedAt: r.received_at, fields };
    if (r.table_name === 'legal_references') {
      const here = await s.db.selectFrom('legal_references').select('key').where('id', '=', r.row_id).executeTakeFirst();
      const texts = { textTg: textOf(data, 'text_tg'), textRu: textOf(data, 'text_ru'), value: textOf(data, 'value') };
      out.push({ ...base, kind: 'legalReference', subject: textOf(data, 'key') ?? here?.key ?? r.row_id, texts });
    } else {
      const here = await s.db.selectFrom('template_versions').select(['template_id', 'language']).where('id', '=', r.row_id).executeTakeFirst();
      const subject = `${textOf(data, 'template_id') ?? here?.template_id ?? r.row_id} (${textOf(data, 'language') ?? here?.language ?? '?'})`;
      out.push({ ...base, kind: 'template', subject, texts: {} });
    }
  }
  return out;
}

/** Accepts or rejects every message waiting for the proposal's row, together. */
export async function decideProposal(s: Unlocked, id: string, accept: boolean): Promise<ProposedChange[]> {
  await withWrite(s, async (ctx) => {
    const p = await ctx.trx.selectFrom('proposed_changes').select(['table_name', 'row_id']).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND', 'No such proposal waiting for a decision');
    const messages = await ctx.trx
      .selectFrom('proposed_changes')
      .selectAll()
      .where('table_name', '=', p.table_name)
      .where('row_id', '=', p.row_id)
      .where('status', '=', 'pending')
      .orderBy('hlc')
      .execute();
    if (accept) {
      const content = messages.map((m) => JSON.parse(m.data) as Record<string, unknown>).reduce((all, d) => ({ ...all, ...d }), {});
      if (p.table_name === 'template_versions' && content.content !== undefined) await checkProposedTemplate(ctx.trx, p.row_id, content);
      // The administrator chose this version: nothing here counts as a concurrent edit to flag.
      await sql`PRAGMA defer_foreign_keys = ON`.execute(ctx.trx);
      const now = new Date().toISOString();
      const merger = new ChangeMerger(s.raw, { sender: messages[0]!.sender_installation_id, ack: await maxSeq(ctx.trx), now, propose: false });
      for (const m of messages) merger.add([m.hlc, m.table_name, m.row_id, JSON.parse(m.data) as Record<string, unknown>, m.origin, m.data]);
      merger.finish();
    }
    await ctx.trx
      .updateTable('proposed_changes')
      .set({ status: accept ? 'accepted' : 'rejected', decided_at: new Date().toISOString(), decided_by_user_id: ctx.user.id })
      .where('id', 'in', messages.map((m) => m.id))
      .execute();
    await audit(ctx, accept ? 'proposal.accept' : 'proposal.reject', p.table_name, p.row_id, { sender: messages[0]!.sender_installation_id, messages: messages.length });
  });
  return listProposals(s);
}

/** The same checks as a template an administrator imports here (placeholders, bounds, no links). */
async function checkProposedTemplate(db: Db, rowId: string, data: Record<string, unknown>): Promise<void> {
  const here = await db.selectFrom('template_versions').select(['template_id', 'language']).where('id', '=', rowId).executeTakeFirst();
  const language = textOf(data, 'language') ?? here?.language;
  const check = await checkPlaceholders(columnValue(data.content) as Buffer, requireManifest(textOf(data, 'template_id') ?? here?.template_id ?? ''), language === 'ru' ? 'ru' : 'tg');
  if (check.unknown.length || check.missing.length || check.passages.length) {
    throw new AppError('VALIDATION', 'The proposed template does not match its manifest', [
      ...check.unknown.map((name) => ({ path: 'template', key: 'unknownPlaceholder', params: { name } })),
      ...check.missing.map((name) => ({ path: 'template', key: 'missingPlaceholder', params: { name } })),
      ...check.passages.map((p) => ({ path: 'template', key: 'passageMarker', params: { name: p.name } })),
    ]);
  }
}
