import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES, CASE_TYPES } from '../domain/enums';
import {
  enumOf,
  isoDate,
  multilineText,
  optionalDiram,
  optionalDistrictId,
  optionalIsoDate,
  optionalPastIsoDate,
  optionalRecordId,
  optionalPhoneNumber,
  optionalText,
  paging,
  recordId,
  requiredText,
} from './validation';
import { conflictDecisionInput } from './protectionInputs';

// Input schemas of the case channels.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

export const caseListInput = z
  .object({
    ...paging,
    sort: enumOf(['openedOn', 'number', 'status', 'caseType', 'updatedAt']).default('openedOn'),
    /** A status, or 'active' for every status but closed. */
    status: enumOf([...CASE_STATUSES, 'active']).optional(),
    caseType: enumOf(CASE_TYPES).optional(),
    responsibleUserId: optionalRecordId,
    clientId: optionalRecordId,
    /** Only cases overdue today: a task past its due date or a hearing past without a result (shared/domain/caseOverdue.ts). */
    overdue: z.boolean({ message: 'invalid' }).optional(),
    /** Client name (any spelling, prefix), court case number or case number. */
    query: optionalText(100),
  })
  .strict();

export const caseInput = z
  .object({
    id: recordId.optional(),
    clientId: recordId,
    caseType: enumOf(CASE_TYPES),
    /** Generated (contact point code, year, number) when empty. */
    number: optionalText(40),
    /** Defaults to today. */
    openedOn: optionalPastIsoDate,
    contactPointId: optionalRecordId,
    responsibleUserId: optionalRecordId,
    responsibleName: optionalText(200),
    courtName: optionalText(200),
    courtDistrictId: optionalDistrictId,
    courtCaseNumber: optionalText(60),
    judge: optionalText(200),
    respondentName: optionalText(200),
    respondentBirthDate: optionalPastIsoDate,
    respondentAddress: optionalText(300),
    respondentWhereabouts: optionalText(300),
    respondentPhone: optionalPhoneNumber,
    monthlyAlimonyDiram: optionalDiram,
    arrearsRecoveredDiram: optionalDiram,
    notes: multilineText(5000),
    /**
     * The lawyer's decision to go on although the respondent matches clients of this office (as
     * cases:checkConflicts listed them); without it such a case is refused with CONFLICT_OF_INTEREST.
     */
    conflict: conflictDecisionInput.optional(),
  })
  .strict();

export const caseStatusInput = z
  .object({
    id: recordId,
    status: enumOf(CASE_STATUSES),
    /** The date of the change; defaults to today. */
    on: optionalPastIsoDate,
    outcome: enumOf(CASE_OUTCOMES).nullable().optional().transform((v) => v ?? null),
    note: multilineText(1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && !v.outcome) ctx.addIssue({ code: 'custom', message: 'required', path: ['outcome'] });
  });

/** A time of day as HH:MM, or empty when the court gave none. */
const hearingTime = z
  .string()
  .trim()
  .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid' })
  .default('');

export const hearingInput = z
  .object({
    id: recordId.optional(),
    caseId: recordId,
    date: isoDate,
    time: hearingTime,
    place: optionalText(300),
    result: optionalText(2000),
    notes: multilineText(),
  })
  .strict();

/** A hearing moved to a new date and time, and why (the court's reason, as told). */
export const postponeHearingInput = z
  .object({
    id: recordId,
    caseId: recordId,
    date: isoDate,
    time: hearingTime,
    reason: requiredText(500),
  })
  .strict();

/** A hearing or task of the case removed, with why: the reason is kept with the removed row. */
export const removeCaseItemInput = z
  .object({
    id: recordId,
    caseId: recordId,
    reason: requiredText(500),
  })
  .strict();

export const taskInput = z
  .object({
    id: recordId.optional(),
    caseId: optionalRecordId,
    title: requiredText(300),
    dueOn: optionalIsoDate,
    assigneeUserId: optionalRecordId,
  })
  .strict();

export const completeTaskInput = z
  .object({
    id: recordId,
    /** false re-opens a task ticked by mistake. */
    done: z.boolean({ message: 'invalid' }).default(true),
    doneOn: optionalPastIsoDate,
  })
  .strict();

export const caseTransferInput = z
  .object({
    id: recordId,
    toUserId: recordId,
    reason: requiredText(500),
    /** The date of the transfer; defaults to today. */
    on: optionalPastIsoDate,
  })
  .strict();

export const caseloadInput = z.object({ contactPointId: optionalRecordId }).strict();
