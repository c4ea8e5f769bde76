import { audit } from '../../db/queries/writeContext';
import type { CaseRow } from '../../db/schema';
import type { DuplicateCandidate } from '../../shared/api/clientTypes';
import type { ConflictCheck } from '../../shared/api/protectionTypes';
import { fullNameReadings, latinKey } from '../../shared/domain/names';
import { normalizePhone } from '../../shared/domain/phone';
import { withWrite, type Unlocked } from './index';
import { matchPeople } from './search';

// The conflict-of-interest check: a legal-aid office must not advise both sides, so the opposing party of
// a case (its respondent, usually the husband) is compared with the office's own clients — name in any
// spelling, birth date, phone — by the same matching as the duplicate check. The lawyer sees the matches
// before saving and decides: go on with a reason (cases:save with `conflict`) or not (cases:declineConflict).
// The check and either decision are audited, by record ids only.

export interface Respondent {
  caseId?: string;
  clientId: string;
  respondentName: string;
  respondentBirthDate: string | null;
  respondentPhone: string;
}

/** The office's clients the respondent may be (never the case's own client). */
export async function respondentMatches(s: Unlocked, r: Respondent): Promise<DuplicateCandidate[]> {
  if (!r.respondentName.trim() && !r.respondentPhone.trim()) return [];
  return matchPeople(s, {
    excludeIds: [r.clientId],
    names: fullNameReadings(r.respondentName),
    birthDate: r.respondentBirthDate,
    phones: r.respondentPhone ? [r.respondentPhone] : [],
    idDocNumber: '',
  });
}

/** The check the case form runs before saving; audited with how many clients matched and which. */
export async function checkConflicts(s: Unlocked, r: Respondent): Promise<ConflictCheck> {
  const matches = await respondentMatches(s, r);
  await withWrite(s, (ctx) =>
    audit(ctx, 'case.conflictCheck', 'cases', r.caseId ?? null, { clientId: r.clientId, matches: matches.length, clientIds: matches.map((m) => m.client.id) }),
  );
  return { matches };
}

/** The lawyer did not go on with the case: audited. */
export async function declineConflict(s: Unlocked, input: { caseId?: string; clientId: string; clientIds: string[] }): Promise<{ declined: true }> {
  await withWrite(s, (ctx) => audit(ctx, 'case.conflictCancel', 'cases', input.caseId ?? null, { clientId: input.clientId, clientIds: input.clientIds }));
  return { declined: true };
}

/** Whether saving must check the respondent again: a new case naming one, or a respondent that changed. */
export function respondentChanged(existing: CaseRow | null, r: Respondent): boolean {
  const phone = (p: string) => normalizePhone(p) ?? p.trim();
  if (!existing) return r.respondentName.trim() !== '' || r.respondentPhone.trim() !== '';
  return (
    latinKey(existing.respondent_name) !== latinKey(r.respondentName) ||
    (existing.respondent_birth_date ?? null) !== (r.respondentBirthDate ?? null) ||
    phone(existing.respondent_phone) !== phone(r.respondentPhone)
  );
}
