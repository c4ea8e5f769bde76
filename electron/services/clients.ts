import { listClientIds, getClientRow, householdRow, mergedRows, phoneRows, childRows, type ClientListFilter } from '../../db/queries/clients';
import {
  mergeClients as mergeClientRows,
  ownedIds,
  saveClient as saveClientRows,
  setAbandonedOverride as setOverrideRow,
  setClientSensitive as setClientSensitiveRow,
  type ClientFields,
} from '../../db/queries/clientWrite';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import type { ClientDetail, ClientSummary } from '../../shared/api/clientTypes';
import type { Paged } from '../../shared/api/pagedCount';
import { AppError, type FieldError } from '../../shared/api/errors';
import { defaultTakenFields, type MergeField } from '../../shared/domain/clientMerge';
import { todayIso } from '../../shared/domain/dates';
import type { SensitiveKind } from '../../shared/domain/enums';
import { abandonmentOf } from '../../shared/domain/snapshot';
import { listCases } from './caseViews';
import { clientSummaries, toChild, toClientRecord, toHousehold } from './clientViews';
import { consultationsOf } from './consultationViews';
import { asIs, fieldError, throwIfAny, type FieldPath } from './fieldPaths';
import { withWrite, type Unlocked } from './index';
import { requireVisibleClient, viewerOf } from './visibility';

// Clients: the list, her page (record, phones, household and the abandonment it gives, children, her
// consultations and cases), saving her with every part checked first, merging two records of one
// person, the lawyer's override of the computed abandonment.

/** A page of the list as the user may see it: a client hidden from them is a restricted row (the total stays right). */
export async function listClients(s: Unlocked, f: Omit<ClientListFilter, 'viewer'>): Promise<Paged<ClientSummary>> {
  const viewer = viewerOf(s);
  const { ids, total, totalAtLeast } = await listClientIds(s.db, { ...f, viewer });
  return { rows: await clientSummaries(s.db, viewer, ids), total, ...(totalAtLeast ? { totalAtLeast: true as const } : {}) };
}

/** Her page (the caller has checked that the user may see her: requireVisibleClient). */
export async function clientDetail(s: Unlocked, id: string, today: string = todayIso()): Promise<ClientDetail> {
  const { db } = s;
  const row = await getClientRow(db, id);
  const phones = await phoneRows(db, id);
  const h = await householdRow(db, id);
  const household = h ? toHousehold(h) : null;
  let abandonment: ClientDetail['abandonment'] = null;
  if (household) {
    const computed = abandonmentOf(household, today);
    abandonment = {
      asOf: today,
      computed: computed.abandoned,
      reason: computed.reason,
      override: household.abandonedOverride,
      overrideReason: household.abandonedOverrideReason,
      effective: household.abandonedOverride ?? computed.abandoned,
    };
  }
  const cases = await listCases(db, { clientId: id, sort: 'openedOn', dir: 'desc', offset: 0, limit: 500, query: '', viewer: viewerOf(s) }, today);
  return {
    client: toClientRecord(row, phones[0]?.phone ?? '', household !== null, today),
    merged: (await mergedRows(db, id)).map((m) => ({
      id: m.id,
      surname: m.surname,
      givenName: m.given_name,
      patronymic: m.patronymic,
      birthDate: m.birth_date,
      idDocNumber: m.id_doc_number,
      mergedAt: m.deleted_at ?? '',
    })),
    phones,
    household,
    children: (await childRows(db, id)).map(toChild),
    abandonment,
    consultations: await consultationsOf(db, viewerOf(s), { clientId: id }, 'desc'),
    cases: cases.rows,
  };
}

/**
 * What saving this client would break, reported on `at`'s paths: an erased record, a phone number
 * given twice, a phone or child id that is not hers.
 */
export async function checkClient(db: Db, input: ClientFields, at: FieldPath): Promise<void> {
  const existing = input.id ? await getClientRow(db, input.id) : null;
  if (existing?.erased_at) throw new AppError('CONFLICT', 'This client’s personal data was erased; the record cannot be edited');
  const seen = new Set<string>();
  const twice: FieldError[] = [];
  input.phones.forEach((p, i) => {
    if (seen.has(p.phone)) twice.push({ path: at(`phones.${i}.phone`), key: 'duplicate' });
    seen.add(p.phone);
  });
  throwIfAny('A phone number is given twice', twice);
  const notHers: FieldError[] = [];
  for (const [table, field, ids] of [
    ['client_phones', 'phones', input.phones.map((p) => p.id)],
    ['children', 'children', input.children.map((c) => c.id)],
  ] as const) {
    if (!ids.some((id) => id)) continue;
    const owned = input.id ? await ownedIds(db, table, input.id) : new Set<string>();
    ids.forEach((id, i) => {
      if (id && !owned.has(id)) notHers.push({ path: at(`${field}.${i}.id`), key: 'invalid' });
    });
  }
  throwIfAny('Some fields are not valid', notHers);
}

/** Checks then saves, in the caller's transaction; returns her id. */
export async function saveClientIn(ctx: WriteCtx, input: ClientFields, at: FieldPath = asIs): Promise<string> {
  await checkClient(ctx.trx, input, at);
  return saveClientRows(ctx, input);
}

export async function getClient(s: Unlocked, id: string): Promise<ClientDetail> {
  await requireVisibleClient(s, id);
  return clientDetail(s, id);
}

export async function saveClient(s: Unlocked, input: ClientFields): Promise<ClientDetail> {
  if (input.id) await requireVisibleClient(s, input.id);
  const id = await withWrite(s, (ctx) => saveClientIn(ctx, input));
  return clientDetail(s, id);
}

/** Merges `mergeId` into `keepId`, taking the chosen fields from the merged-away record (see mergeInput). */
export async function mergeClients(s: Unlocked, input: { keepId: string; mergeId: string; take?: MergeField[] | undefined }, today: string = todayIso()): Promise<ClientDetail> {
  await requireVisibleClient(s, input.keepId);
  await requireVisibleClient(s, input.mergeId);
  await withWrite(s, async (ctx) => {
    const keep = await getClientRow(ctx.trx, input.keepId);
    const other = await getClientRow(ctx.trx, input.mergeId);
    if (keep.erased_at || other.erased_at) throw new AppError('CONFLICT', 'An erased record cannot be merged');
    const take = input.take ?? defaultTakenFields(toClientRecord(keep, '', false, today), toClientRecord(other, '', false, today));
    await mergeClientRows(ctx, input.keepId, input.mergeId, take);
  });
  return clientDetail(s, input.keepId);
}

/** Marks a client sensitive or clears the mark (audited). */
export async function setClientSensitive(s: Unlocked, input: { id: string; sensitive: SensitiveKind | null }): Promise<ClientDetail> {
  await requireVisibleClient(s, input.id);
  await withWrite(s, (ctx) => setClientSensitiveRow(ctx, input.id, input.sensitive));
  return clientDetail(s, input.id);
}

export async function setAbandonedOverride(s: Unlocked, input: { clientId: string; override: boolean | null; reason: string }): Promise<ClientDetail> {
  await requireVisibleClient(s, input.clientId);
  await withWrite(s, async (ctx) => {
    await getClientRow(ctx.trx, input.clientId);
    const h = await householdRow(ctx.trx, input.clientId);
    if (!h) throw fieldError('The client has no migrant household', 'override', 'invalid');
    await setOverrideRow(ctx, h.id, input.clientId, input.override, input.reason);
  });
  return clientDetail(s, input.clientId);
}
