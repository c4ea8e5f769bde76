import { z } from 'zod';
import { SENSITIVE_KINDS } from '../domain/enums';
import { enumOf, optionalIsoDate, optionalText, recordId, requiredText } from './validation';

// Input schemas of the conflict check and of marking records sensitive.

/** The opposing party of a case as typed, compared with the office's clients before the case is saved. */
export const conflictCheckInput = z
  .object({
    caseId: recordId.optional(),
    clientId: recordId,
    respondentName: optionalText(200),
    respondentBirthDate: optionalIsoDate,
    /** As typed; a number that does not parse is not compared (cases:save reports it). */
    respondentPhone: z.string().trim().max(40, { message: 'tooLong' }).default(''),
  })
  .strict();

/** The lawyer did not go on with a case whose respondent matched these clients. */
export const conflictDeclineInput = z
  .object({
    caseId: recordId.optional(),
    clientId: recordId,
    clientIds: z.array(recordId).max(50).default([]),
  })
  .strict();

/** The lawyer goes on although the respondent matched these clients (part of cases:save). */
export const conflictDecisionInput = z
  .object({
    reason: requiredText(1000),
    clientIds: z.array(recordId).min(1).max(50),
  })
  .strict();

/** Marks a case or a client sensitive (why), or clears the mark (null). */
export const sensitiveInput = z
  .object({
    id: recordId,
    sensitive: enumOf(SENSITIVE_KINDS).nullable(),
  })
  .strict();
