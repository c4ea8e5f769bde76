import type { CaseOutcome, CaseStatus } from './enums';

// The case status workflow: open → preparing_documents → filed → hearing → decided → enforcement → closed.
// Allowed moves (anything else is refused with INVALID_TRANSITION):
// - forward to the next step, or skipping steps that a case may not need: documents can be filed
//   without a separate preparation step, a court can decide without a hearing being recorded, and a
//   decision needs no enforcement when the respondent pays;
// - decided → hearing: an appeal or a re-hearing brings the case back before a court;
// - closing from any open status; before a decision only as settled or withdrawn (nothing was
//   decided yet), after a decision with any outcome;
// - a closed case stays closed: a new claim is a new case.

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['preparing_documents', 'filed', 'closed'],
  preparing_documents: ['filed', 'closed'],
  filed: ['hearing', 'decided', 'closed'],
  hearing: ['decided', 'closed'],
  decided: ['enforcement', 'hearing', 'closed'],
  enforcement: ['closed'],
  closed: [],
};

const PRE_DECISION: ReadonlySet<CaseStatus> = new Set(['open', 'preparing_documents', 'filed', 'hearing']);
const PRE_DECISION_OUTCOMES: ReadonlySet<CaseOutcome> = new Set(['settled', 'withdrawn']);

export function allowedNextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'outcome_required' | 'outcome_not_allowed' };

export function checkCaseTransition(from: CaseStatus, to: CaseStatus, outcome: CaseOutcome | null): TransitionCheck {
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'not_allowed' };
  if (to === 'closed') {
    if (!outcome) return { ok: false, reason: 'outcome_required' };
    if (PRE_DECISION.has(from) && !PRE_DECISION_OUTCOMES.has(outcome)) return { ok: false, reason: 'outcome_not_allowed' };
  }
  return { ok: true };
}
