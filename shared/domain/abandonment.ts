import { addMonths } from './dates';
import type { RelationToMigrant } from './enums';

// DOMAIN.md working rule: at a date D, a migrant's wife is abandoned when no remittance was received in
// the six calendar months before D: the last remittance is on or before D minus six months, or there was
// none since the husband left at least six months before D. "D minus six months" is the same day six
// calendar months earlier, clamped to the end of a shorter month (31.08 → 28/29.02).

export interface AbandonmentInput {
  relation: RelationToMigrant | null;
  departureDate: string | null;
  lastRemittanceDate: string | null;
}

export type AbandonmentReason =
  | { code: 'not_wife' }
  | { code: 'remittance_within_six_months'; lastRemittance: string; threshold: string }
  | { code: 'no_remittance_since'; lastRemittance: string; threshold: string }
  | { code: 'no_remittance_departed'; departure: string; threshold: string }
  | { code: 'departed_recently'; departure: string; threshold: string }
  | { code: 'remittance_after_date'; lastRemittance: string }
  | { code: 'insufficient_data' };

export interface AbandonmentResult {
  /** null when the rule cannot decide (not a wife, or dates missing). */
  abandoned: boolean | null;
  reason: AbandonmentReason;
}

export function computeAbandonment(input: AbandonmentInput, onDate: string): AbandonmentResult {
  if (input.relation !== 'wife') return { abandoned: null, reason: { code: 'not_wife' } };
  const threshold = addMonths(onDate, -6);
  const { lastRemittanceDate: last, departureDate: dep } = input;
  if (last) {
    // A remittance dated after D says nothing about the six months before D.
    if (last > onDate) return { abandoned: null, reason: { code: 'remittance_after_date', lastRemittance: last } };
    if (last <= threshold) return { abandoned: true, reason: { code: 'no_remittance_since', lastRemittance: last, threshold } };
    return { abandoned: false, reason: { code: 'remittance_within_six_months', lastRemittance: last, threshold } };
  }
  if (dep) {
    if (dep <= threshold) return { abandoned: true, reason: { code: 'no_remittance_departed', departure: dep, threshold } };
    return { abandoned: false, reason: { code: 'departed_recently', departure: dep, threshold } };
  }
  return { abandoned: null, reason: { code: 'insufficient_data' } };
}
