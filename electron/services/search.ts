import { normalizeIdDoc } from '../../db/queries/clients';
import { hiddenClientIds } from '../../db/queries/visibility';
import { clientIdsByDoc, clientIdsByName, clientIdsByPhone, clientIdsByTerm, clientIdsWithDoc, clientIdsWithPhones, clientsByNameKey } from '../../db/queries/search';
import type { CaseSummary } from '../../shared/api/caseTypes';
import type { DuplicateCandidate, DuplicateReason } from '../../shared/api/clientTypes';
import type { SearchResult } from '../../shared/api/dashboardTypes';
import { duplicateNameKey, latinKey, nameWords } from '../../shared/domain/names';
import { MIN_DIGIT_RUN, normalizePhone, phoneDigitRun, phoneSearchPrefix } from '../../shared/domain/phone';
import { searchedCases } from './caseViews';
import { clientSummaries } from './clientViews';
import type { Unlocked } from './index';
import { viewerOf } from './visibility';

// The one search box and the duplicate check.

type ClientMatch = 'name' | 'phone' | 'id_document';

/** Clients by phone, identity document or name; cases by number, then the cases of the clients found. */
export async function globalSearch(s: Unlocked, query: string, limit: number): Promise<SearchResult> {
  const { db } = s;
  const q = query.trim();
  const matched = new Map<string, ClientMatch>();
  const add = (ids: string[], how: ClientMatch) => ids.forEach((id) => matched.has(id) || matched.set(id, how));
  // Numbers from their start first, then a run from their middle; a name from the surname first, then
  // any of its words (a given name or patronymic alone, or the words in another order).
  const phone = phoneSearchPrefix(q);
  if (phone) add(await clientIdsByPhone(db, phone, limit), 'phone');
  const run = phoneDigitRun(q);
  if (run) add(await clientIdsByTerm(db, 'p', run, limit), 'phone');
  const doc = normalizeIdDoc(q);
  add(await clientIdsByDoc(db, doc, limit), 'id_document');
  if (doc.length >= MIN_DIGIT_RUN) add(await clientIdsByTerm(db, 'd', doc, limit), 'id_document');
  const key = latinKey(q);
  const bySurname = await clientIdsByName(db, key, limit);
  add(bySurname, 'name');
  // Several words that already matched from the surname were typed surname first: no need to look further.
  const [word, ...otherWords] = nameWords(key);
  if (word && matched.size < limit && !(otherWords.length > 0 && bySurname.length > 0)) add(await clientIdsByTerm(db, 'n', word, limit, otherWords), 'name');
  // A search never names a record hidden from its reader (shared/domain/sensitivity.ts).
  const viewer = viewerOf(s);
  const hidden = await hiddenClientIds(db, viewer, [...matched.keys()]);
  const ids = [...matched.keys()].filter((id) => !hidden.has(id)).slice(0, limit);
  // The summaries are new objects: completed in place rather than copied.
  const clients = (await clientSummaries(db, viewer, ids)).map((c) => Object.assign(c, { matchedBy: matched.get(c.id)! }));

  const cases: SearchResult['cases'] = [];
  const seen = new Set<string>();
  const push = (rows: CaseSummary[], how: (r: CaseSummary) => SearchResult['cases'][number]['matchedBy']) => {
    for (const r of rows) {
      if (seen.has(r.id) || cases.length >= limit) continue;
      seen.add(r.id);
      cases.push(Object.assign(r, { matchedBy: how(r) }));
    }
  };
  // Court case numbers and our own case numbers, then the cases of the clients found (each query
  // leaves out what the reader may not see).
  push(await searchedCases(db, viewer, { number: q }, limit), (r) => (r.courtCaseNumber.startsWith(q) ? 'court_case_number' : 'number'));
  // As many again as were found by number, as those may be among them.
  if (cases.length < limit) push(await searchedCases(db, viewer, { clientIds: ids }, limit + cases.length), (r) => matched.get(r.clientId)!);
  return { clients, cases };
}

/** What a person being entered or named is compared on (any part may be empty). */
export interface PersonToMatch {
  /** Records never to report (the client being edited, the case's own client). */
  excludeIds: readonly string[];
  /** Each a surname and a given name (patronymic ignored); a full name typed in either order gives two. */
  names: ReadonlyArray<{ surname: string; givenName: string }>;
  birthDate: string | null;
  phones: readonly string[];
  idDocNumber: string;
}

/**
 * Clients that are likely the same person, each with why: the same name in any spelling (surname +
 * given name, patronymic ignored) — with the same birth date that is a strong match —, the same phone
 * number, or the same identity document. The one matching of the duplicate check and the conflict check.
 */
export async function matchPeople(s: Unlocked, person: PersonToMatch): Promise<DuplicateCandidate[]> {
  const { db } = s;
  const reasons = new Map<string, Set<DuplicateReason>>();
  const add = (id: string, r: DuplicateReason) => {
    if (person.excludeIds.includes(id)) return;
    if (!reasons.has(id)) reasons.set(id, new Set());
    reasons.get(id)!.add(r);
  };
  for (const name of person.names) {
    if (!name.surname || !name.givenName) continue;
    for (const r of await clientsByNameKey(db, duplicateNameKey(name))) add(r.id, person.birthDate && r.birth_date === person.birthDate ? 'name_birth_date' : 'name');
  }
  const phones = [...new Set(person.phones.map((p) => normalizePhone(p)).filter((p): p is string => p !== null))];
  for (const id of await clientIdsWithPhones(db, phones)) add(id, 'phone');
  const doc = normalizeIdDoc(person.idDocNumber);
  if (doc) for (const id of await clientIdsWithDoc(db, doc)) add(id, 'id_document');
  const strength = (s: Set<DuplicateReason>) => (s.has('name_birth_date') ? 4 : 0) + (s.has('id_document') ? 3 : 0) + (s.has('phone') ? 2 : 0) + (s.has('name') ? 1 : 0);
  const ordered = [...reasons.entries()].sort((a, b) => strength(b[1]) - strength(a[1])).slice(0, 50);
  // A match the reader may not see stays in the answer as restricted: the person exists, whose she is not said.
  const summaries = await clientSummaries(db, viewerOf(s), ordered.map(([id]) => id));
  const order: DuplicateReason[] = ['name_birth_date', 'id_document', 'phone', 'name'];
  return summaries.map((client) => ({ client, reasons: order.filter((r) => reasons.get(client.id)!.has(r)) }));
}

/** Likely duplicates of a client being entered (matchPeople). */
export async function findDuplicates(
  s: Unlocked,
  input: { excludeId?: string; surname: string; givenName: string; birthDate: string | null; phones: string[]; idDocNumber: string },
): Promise<DuplicateCandidate[]> {
  return matchPeople(s, {
    excludeIds: input.excludeId ? [input.excludeId] : [],
    names: [{ surname: input.surname, givenName: input.givenName }],
    birthDate: input.birthDate,
    phones: input.phones,
    idDocNumber: input.idDocNumber,
  });
}
