import type { z } from 'zod';
import type { CaseSummary, DuplicateCandidate, DuplicateReason, SearchResult } from '../../shared/api/caseTracking';
import type { duplicatesInput } from '../../shared/api/caseTrackingInputs';
import { duplicateNameKey, latinKey, prefixEnd } from '../../shared/domain/names';
import { normalizePhone, phoneSearchPrefix } from '../../shared/domain/phone';
import { listCases } from './cases';
import { clientSummaries, normalizeIdDoc } from './clients';
import type { Db } from './writeContext';

// The one search box and the duplicate check. Every lookup is an indexed equality or prefix range
// (clients.search_key, client_phones.phone, clients.id_doc_number, cases.court_case_number), never a
// scan of the clients table.

type ClientMatch = 'name' | 'phone' | 'id_document';

async function clientIdsByName(db: Db, key: string, limit: number): Promise<string[]> {
  if (!key) return [];
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('search_key', '>=', key)
    .where('search_key', '<', prefixEnd(key))
    .where('deleted_at', 'is', null)
    .orderBy('search_key')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

async function clientIdsByPhone(db: Db, prefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('client_phones as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select('p.client_id')
    .distinct()
    .where('p.phone', '>=', prefix)
    .where('p.phone', '<', prefixEnd(prefix))
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.client_id);
}

async function clientIdsByDoc(db: Db, doc: string, limit: number): Promise<string[]> {
  if (doc.length < 3) return [];
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('id_doc_number', '>=', doc)
    .where('id_doc_number', '<', prefixEnd(doc))
    .where('deleted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function globalSearch(db: Db, query: string, limit: number): Promise<SearchResult> {
  const q = query.trim();
  const matched = new Map<string, ClientMatch>();
  const add = (ids: string[], how: ClientMatch) => ids.forEach((id) => matched.has(id) || matched.set(id, how));
  const phone = phoneSearchPrefix(q);
  if (phone) add(await clientIdsByPhone(db, phone, limit), 'phone');
  add(await clientIdsByDoc(db, normalizeIdDoc(q), limit), 'id_document');
  add(await clientIdsByName(db, latinKey(q), limit), 'name');
  const ids = [...matched.keys()].slice(0, limit);
  const clients = (await clientSummaries(db, ids)).map((c) => ({ ...c, matchedBy: matched.get(c.id)! }));

  const cases: SearchResult['cases'] = [];
  const seen = new Set<string>();
  const push = (rows: CaseSummary[], how: SearchResult['cases'][number]['matchedBy']) => {
    for (const r of rows) {
      if (seen.has(r.id) || cases.length >= limit) continue;
      seen.add(r.id);
      cases.push({ ...r, matchedBy: how });
    }
  };
  // Court case numbers and our own case numbers, then the cases of the clients found.
  const byNumber = await db
    .selectFrom('cases')
    .select(['id', 'court_case_number'])
    .where((eb) =>
      eb.or([
        eb.and([eb('court_case_number', '>=', q), eb('court_case_number', '<', prefixEnd(q))]),
        eb.and([eb('number', '>=', q), eb('number', '<', prefixEnd(q))]),
      ]),
    )
    .where('deleted_at', 'is', null)
    .limit(limit)
    .execute();
  for (const r of byNumber) {
    const found = await listCases(db, { onlyId: r.id, sort: 'openedOn', dir: 'desc', offset: 0, limit: 1 });
    push(found.rows, r.court_case_number.startsWith(q) ? 'court_case_number' : 'number');
  }
  for (const id of ids) {
    if (cases.length >= limit) break;
    push((await listCases(db, { clientId: id, sort: 'openedOn', dir: 'desc', offset: 0, limit })).rows, matched.get(id)!);
  }
  return { clients, cases };
}

/**
 * Likely duplicates of a client being entered: the same name in any spelling (surname + given name,
 * patronymic ignored) — with the same birth date that is a strong match —, the same phone number, or
 * the same identity document.
 */
export async function findDuplicates(db: Db, input: z.output<typeof duplicatesInput>): Promise<DuplicateCandidate[]> {
  const reasons = new Map<string, Set<DuplicateReason>>();
  const add = (id: string, r: DuplicateReason) => {
    if (id === input.excludeId) return;
    if (!reasons.has(id)) reasons.set(id, new Set());
    reasons.get(id)!.add(r);
  };
  if (input.surname && input.givenName) {
    const key = duplicateNameKey(input);
    // The stored key is "surname given patronymic": the name key is its prefix up to a word boundary.
    const rows = await db
      .selectFrom('clients')
      .select(['id', 'search_key', 'birth_date'])
      .where('search_key', '>=', key)
      .where('search_key', '<', prefixEnd(key))
      .where('deleted_at', 'is', null)
      .limit(200)
      .execute();
    for (const r of rows) {
      if (r.search_key !== key && !r.search_key.startsWith(`${key} `)) continue;
      add(r.id, input.birthDate && r.birth_date === input.birthDate ? 'name_birth_date' : 'name');
    }
  }
  const phones = [...new Set(input.phones.map((p) => normalizePhone(p)).filter((p): p is string => p !== null))];
  if (phones.length) {
    const rows = await db
      .selectFrom('client_phones as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .select('p.client_id')
      .where('p.phone', 'in', phones)
      .where('p.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .execute();
    for (const r of rows) add(r.client_id, 'phone');
  }
  const doc = normalizeIdDoc(input.idDocNumber);
  if (doc) {
    const rows = await db.selectFrom('clients').select('id').where('id_doc_number', '=', doc).where('deleted_at', 'is', null).execute();
    for (const r of rows) add(r.id, 'id_document');
  }
  const strength = (s: Set<DuplicateReason>) => (s.has('name_birth_date') ? 4 : 0) + (s.has('id_document') ? 3 : 0) + (s.has('phone') ? 2 : 0) + (s.has('name') ? 1 : 0);
  const ordered = [...reasons.entries()].sort((a, b) => strength(b[1]) - strength(a[1])).slice(0, 50);
  const summaries = await clientSummaries(db, ordered.map(([id]) => id));
  const order: DuplicateReason[] = ['name_birth_date', 'id_document', 'phone', 'name'];
  return summaries.map((client) => ({ client, reasons: order.filter((r) => reasons.get(client.id)!.has(r)) }));
}
