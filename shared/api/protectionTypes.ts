import type { DuplicateCandidate } from './clientTypes';

// Output types of the conflict check.

export interface ConflictCheck {
  /**
   * Clients of this office the respondent may be, each with why (the duplicate check's matching); a
   * match the user may not see is listed as restricted.
   */
  matches: DuplicateCandidate[];
}
