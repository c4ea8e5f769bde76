import { getCaseRow } from '../../db/queries/cases';
import { audit } from '../../db/queries/writeContext';
import type { CaseRow } from '../../db/schema';
import type { DuplicateCandidate } from '../../shared/api/clientTypes';
import { AppError } from '../../shared/api/errors';
import type { FilingFieldState } from '../../shared/api/filingsTypes';
import type { ConflictCheck } from '../../shared/api/protectionTypes';
import { parseDate } from '../../shared/domain/dates';
import { fullNameReadings, latinKey } from '../../shared/domain/names';
import { normalizePhone } from '../../shared/domain/phone';
import { withWrite, type Unlocked } from './index';
import { matchPeople } from './search';

// The conflict-of-interest check: a legal-aid office must not advise both sides, so the opposing party of
// a case (its respondent, usually the husband) is compared with the office's own clients — name in any
// spelling, birth date, phone — by the same matching as the duplicate check. The lawyer sees the matches
// before saving and decides: go on with a reason (cases:save with `conflict`) or not (cases:declineConflict).
// The check and either decision are audited, by record ids only.
//
// A case names one opposing party: its respondent (cases.respondent_*; the filings call him the
// respondent, the father, the deceased or the missing person). He is named in two places: the case's
// form (cases:save checks him whenever he is new or changed) and, when the case leaves him blank, a
// filing's answers (the wizard asks for him then; filings:save and the `filing` command check him).

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

/**
 * The respondent a filing names although its case leaves him blank (the wizard asked for him), with his
 * birth date when the filing gives one; null when the filing takes him from the case or names nobody.
 */
export function respondentNamedByFiling(fields: readonly FilingFieldState[]): { name: string; birthDate: string | null } | null {
  const asked = (name: string) => fields.find((f) => f.name === name && f.source === 'ask' && f.output.trim() !== '');
  const name = asked('respondent_name');
  if (!name) return null;
  const birth = asked('respondent_birth_date');
  return { name: name.output.trim(), birthDate: birth ? parseDate(birth.value) : null };
}

/**
 * A filing that names a respondent its case leaves blank is checked as saving the case would check him;
 * the check is audited. A match refuses the filing (CONFLICT_OF_INTEREST, on the respondent's field): the
 * lawyer enters him on the case's form, where the matching records are shown and the decision is taken.
 */
export async function checkFilingRespondent(s: Unlocked, caseId: string, fields: readonly FilingFieldState[]): Promise<void> {
  const named = respondentNamedByFiling(fields);
  if (!named) return;
  const clientId = (await getCaseRow(s.db, caseId)).client_id;
  const matches = await respondentMatches(s, { caseId, clientId, respondentName: named.name, respondentBirthDate: named.birthDate, respondentPhone: '' });
  const clientIds = matches.map((m) => m.client.id);
  await withWrite(s, (ctx) => audit(ctx, 'case.conflictCheck', 'cases', caseId, { clientId, matches: matches.length, clientIds, filing: true }));
  if (matches.length > 0) {
    throw new AppError('CONFLICT_OF_INTEREST', 'The respondent named in the filing matches clients of this office', [{ path: 'answers.respondent_name', key: 'respondentIsClient' }], {
      matches: matches.length,
    });
  }
}
