import type { BreakdownDimension, BreakdownKey } from '../api/reportTypes';
import { INDICATOR_DIMENSIONS, SET_DIMENSIONS } from './indicatorDimensions';

// The counting rules of the indicator report (DOMAIN.md, "Indicators the app must report"). Any change
// to what a number means gets a new version, printed on every report, so two reports made under
// different rules are never compared by mistake. The rules in words are in the README ("Reports") and
// in the definitions panel of the Reports screen (i18n `reports.definitions.*`).
export const DEFINITIONS_VERSION = '2026-11-1';

/** Small-cell threshold: counts from 1 to DEFAULT_THRESHOLD - 1 are suppressed in outputs that leave the contact point. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Alimony (child support) case types, counted by 2.2.1.b. */
export const ALIMONY_CASE_TYPES = ['alimony_share', 'alimony_fixed_sum'] as const;

/** Outcomes that count as "successfully resolved" (2.2.1.b): the claim was granted in full or part, or settled. */
export const SUCCESSFUL_OUTCOMES = ['granted', 'partly_granted', 'settled'] as const;

/** Dimensions of the breakdowns about women (distinct persons, first qualifying consultation). */
export const PERSON_DIMENSIONS: BreakdownDimension[] = INDICATOR_DIMENSIONS.filter((d) => !('consultationsOnly' in d)).map((d) => d.key);

/** Consultation breakdowns add the venue and the kind (legal, psychological, medical). */
export const CONSULTATION_DIMENSIONS: BreakdownDimension[] = INDICATOR_DIMENSIONS.map((d) => d.key);

/** A consultation may concern several issues (and be referred to several places), so those cells may add up to more than the total. */
export const MULTI_VALUED_DIMENSIONS: BreakdownDimension[] = SET_DIMENSIONS.map((d) => d.key);

export const BREAKDOWN_KEYS: BreakdownKey[] = [
  '1.2.3.womenFromMigrantHouseholds',
  '1.2.3.consultations',
  '1.2.4.womenFromMigrantHouseholds',
  '1.2.4.abandonedWomen',
  '1.2.4.consultations',
  '1.2.10.consultations',
];

/** Key used for a missing value in a breakdown (no issue recorded, home district unknown…). */
export const UNKNOWN_KEY = 'unknown';
