import { AppError } from '../../shared/api/errors';
import { updateRow } from '../write';
import type { Db, WriteCtx } from './writeContext';
import { audit } from './writeContext';

// The legal_references table: article numbers, fees and court names as editable data (FILINGS.md).

export async function listLegalRefRows(db: Db) {
  return db.selectFrom('legal_references').selectAll().where('deleted_at', 'is', null).orderBy('key').execute();
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
