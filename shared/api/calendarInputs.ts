import { z } from 'zod';
import { addDays, isValidIsoDate } from '../domain/dates';
import { LANGUAGES } from '../domain/enums';
import { enumOf, isoDate, optionalRecordId } from './validation';

// Input schemas of the calendar channels. Messages are i18n keys under `validation.`.

/** The longest period the calendar screen asks for at once: a month's grid of six weeks. */
export const CALENDAR_MAX_DAYS = 42;
/** The longest period of a hearings export (.ics): two years. */
export const CALENDAR_EXPORT_MAX_DAYS = 731;

function period(maxDays: number) {
  return (v: { from: string; to: string }, ctx: z.RefinementCtx) => {
    // A date that is not one is already named by its own field's check.
    if (!isValidIsoDate(v.from) || !isValidIsoDate(v.to)) return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', message: 'dateOrder', path: ['to'] });
    else if (v.to > addDays(v.from, maxDays - 1)) ctx.addIssue({ code: 'custom', message: 'periodTooLong', params: { days: maxDays }, path: ['to'] });
  };
}

export const calendarRangeInput = z
  .object({ from: isoDate, to: isoDate, lawyerUserId: optionalRecordId, contactPointId: optionalRecordId })
  .strict()
  .superRefine(period(CALENDAR_MAX_DAYS));

export const calendarExportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Whose hearings; the signed-in user's when not given. */
    lawyerUserId: optionalRecordId,
    /** The language of the case types in the events' titles. */
    language: enumOf(LANGUAGES).default('tg'),
  })
  .strict()
  .superRefine(period(CALENDAR_EXPORT_MAX_DAYS));
