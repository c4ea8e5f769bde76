import { createHash } from 'node:crypto';
import type { LegalRef } from '../../shared/api/filingsTypes';
import { AppError } from '../../shared/api/errors';
import { updateRow } from '../write';
import type { Db, WriteCtx } from './writeContext';
import { audit } from './writeContext';

// The legal_references table: article numbers, fees and court names as editable data (FILINGS.md).

export async function listLegalRefs(db: Db): Promise<LegalRef[]> {
  const rows = await db.selectFrom('legal_references').selectAll().where('deleted_at', 'is', null).orderBy('key').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    textTg: r.text_tg,
    textRu: r.text_ru,
    textEn: r.text_en,
    value: r.value,
    confirmed: r.confirmed === 1,
    source: r.source,
  }));
}

export async function legalRefMap(db: Db): Promise<Map<string, LegalRef>> {
  return new Map((await listLegalRefs(db)).map((r) => [r.key, r]));
}

/** The legal-reference version stamped on each document: a hash of every entry's content. */
export function legalRefVersion(refs: Iterable<LegalRef>): string {
  const canonical = [...refs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => [r.key, r.textTg, r.textRu, r.textEn, r.value, r.confirmed]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

export interface LegalRefPatch {
  id: string;
  textTg: string;
  textRu: string;
  textEn: string;
  value: string;
  source: string;
}

/** An edit makes the entry unconfirmed again: the new wording has not been checked yet. */
export async function saveLegalRef(ctx: WriteCtx, patch: LegalRefPatch): Promise<void> {
  const columns = await updateRow(ctx.trx, ctx.w, 'legal_references', patch.id, {
    text_tg: patch.textTg,
    text_ru: patch.textRu,
    text_en: patch.textEn,
    value: patch.value,
    source: patch.source,
  });
  if (columns.length) {
    await updateRow(ctx.trx, ctx.w, 'legal_references', patch.id, { confirmed: 0 });
    await audit(ctx, 'legalRef.update', 'legal_references', patch.id, { fields: columns });
  }
}

export async function confirmLegalRef(ctx: WriteCtx, id: string, confirmed: boolean): Promise<void> {
  const row = await ctx.trx.selectFrom('legal_references').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such legal reference');
  await updateRow(ctx.trx, ctx.w, 'legal_references', id, { confirmed: confirmed ? 1 : 0 });
  await audit(ctx, confirmed ? 'legalRef.confirm' : 'legalRef.unconfirm', 'legal_references', id);
}
