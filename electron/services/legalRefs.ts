import { createHash } from 'node:crypto';
import { confirmLegalRef as confirmLegalRefRow, listLegalRefRows, saveLegalRef as saveLegalRefRow, type LegalRefPatch } from '../../db/queries/legalRefs';
import type { Db } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import type { LegalRef } from '../../shared/api/filingsTypes';
import { parseFeeRule } from '../../shared/domain/stateFee';
import { withWrite, type Unlocked } from './index';

// Legal references (article numbers, fees, court names) as the filings use them and the settings edit them.

export async function legalRefs(db: Db): Promise<LegalRef[]> {
  return (await listLegalRefRows(db)).map((r) => ({
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
  return new Map((await legalRefs(db)).map((r) => [r.key, r]));
}

/** The legal-reference version stamped on each document: a hash of every entry's content. */
export function legalRefVersion(refs: Iterable<LegalRef>): string {
  const canonical = [...refs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => [r.key, r.textTg, r.textRu, r.textEn, r.value, r.confirmed]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

export async function listLegalRefs(s: Unlocked): Promise<LegalRef[]> {
  return legalRefs(s.db);
}

/** An edit makes the entry unconfirmed again: the new wording has not been checked yet. */
export async function saveLegalRef(s: Unlocked, patch: LegalRefPatch): Promise<LegalRef[]> {
  // A fee's value is the rule its filings are worked out by: one that cannot be read is not kept.
  const key = (await legalRefs(s.db)).find((r) => r.id === patch.id)?.key ?? '';
  if (key.startsWith('fee_') && !parseFeeRule(patch.value)) throw new AppError('VALIDATION', 'A fee value must be empty, diram or shares of the claim value', [{ path: 'value', key: 'feeRule' }]);
  await withWrite(s, (ctx) => saveLegalRefRow(ctx, patch));
  return legalRefs(s.db);
}

export async function confirmLegalRef(s: Unlocked, id: string, confirmed: boolean): Promise<LegalRef[]> {
  await withWrite(s, (ctx) => confirmLegalRefRow(ctx, id, confirmed));
  return legalRefs(s.db);
}
