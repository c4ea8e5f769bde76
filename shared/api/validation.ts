import { z } from 'zod';
import { checkDate, ISO_DATE_RE, todayIso, type DateLimits } from '../domain/dates';
import { normalizePhone } from '../domain/phone';
import { hasBidiControl, hasControlCharacter } from '../util/hiddenCharacters';
import { UUID_RE } from '../util/uuidv7';
import type { FieldError } from './errors';
import { bareName, type PlaceKind } from '../reference/addresses';
import { isDistrictId } from '../reference/regions';

// Building blocks for input schemas. Messages are i18n keys under `validation.` so the UI can say
// what is wrong with each field in the user's language.

/** Tab, line feed and carriage return: kept in text typed on several lines, nowhere else. */
const LINE_BREAKS = [0x09, 0x0a, 0x0d];

/**
 * Refuses what would not show as typed (shared/util/hiddenCharacters.ts): control characters — in a
 * multi-line text all but tab and line breaks — and text-direction controls, which could make a name
 * or a note read differently on screen and in a filing than it is stored.
 */
export const visibleText = (s: z.ZodString, multiline = false) =>
  s
    .refine((v) => !hasControlCharacter(v, multiline ? LINE_BREAKS : []), { message: 'controlCharacters' })
    .refine((v) => !hasBidiControl(v), { message: 'directionControl' });

export const requiredText = (max = 200) =>
  visibleText(z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' }));

export const optionalText = (max = 2000) => visibleText(z.string({ message: 'invalid' }).trim().max(max, { message: 'tooLong' })).default('');

/**
 * A village or jamoat name: the form shows the word that goes with it («деҳаи», «с.»), so a word typed
 * anyway is dropped here and the name is stored bare (printed with its word once, in any language).
 */
export const placeNameText = (kind: PlaceKind, max = 200) => optionalText(max).transform((v) => bareName(kind, v));

/** Notes, advice, reasons: text typed in a box of several lines. */
export const multilineText = (max = 2000) =>
  visibleText(z.string({ message: 'invalid' }).trim().max(max, { message: 'tooLong' }), true).default('');

/**
 * An ISO date checked by the one date rule (shared/domain/dates.ts), with one message per field: the
 * forms hand on what the user typed when it is not a real date (31.02.1990), so the message says
 * which problem it is (no such day, in the future…) rather than the last of several checks.
 */
const checkedDate = (limits: () => DateLimits) =>
  z.string({ message: 'required' }).superRefine((s, ctx) => {
    const c = checkDate(s, limits());
    if (c.problem === 'noSuchDay') ctx.addIssue({ code: 'custom', message: c.problem, params: { days: c.daysInMonth ?? 31 } });
    else if (c.problem) ctx.addIssue({ code: 'custom', message: c.problem });
    // A real date in another writing is still not what the channels take (they store ISO).
    else if (!ISO_DATE_RE.test(s)) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
  });

export const isoDate = checkedDate(() => ({}));

export const optionalIsoDate = z
  .union([z.literal(''), z.null(), isoDate])
  .optional()
  .transform((v) => (v ? v : null));

export const passphrase = z
  .string({ message: 'required' })
  .min(10, { message: 'passphraseTooShort' })
  .max(1024, { message: 'tooLong' });

export const username = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .max(64, { message: 'tooLong' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'usernameChars' });

/** Turns zod's issues into field errors whose keys exist in the catalogs. */
export function zodToFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const known = new Set([
      'required',
      'tooLong',
      'invalid',
      'invalidDate',
      'noSuchDay',
      'futureDate',
      'beforeBirth',
      'passphraseTooShort',
      'passphraseMismatch',
      'usernameChars',
      'phone',
      'dateOrder',
      'ageRange',
      'fileTooLarge',
      'controlCharacters',
      'directionControl',
      'periodTooLong',
    ]);
    let key = known.has(issue.message) ? issue.message : 'invalid';
    if (issue.code === 'invalid_type' && issue.input === undefined) key = 'required';
    // A refinement may name values for its message (a file's limit in megabytes).
    const params = issue.code === 'custom' ? (issue.params as FieldError['params']) : undefined;
    return params ? { path, key, params } : { path, key };
  });
}

// ---- Building blocks of the case-tracking inputs ----

/** Record ids are UUIDv7 strings made by this app. */
export const recordId = z.string({ message: 'required' }).regex(UUID_RE, { message: 'invalid' });
export const optionalRecordId = z
  .union([z.literal(''), z.null(), recordId])
  .optional()
  .transform((v) => (v ? v : null));

/** A date that has already happened (today allowed): consultations, birth dates, remittances… */
export const pastIsoDate = checkedDate(() => ({ notAfter: todayIso() }));
export const optionalPastIsoDate = z
  .union([z.literal(''), z.null(), pastIsoDate])
  .optional()
  .transform((v) => (v ? v : null));

/** A Tajik phone number in any common writing; parsed to +992XXXXXXXXX. */
export const phoneNumber = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .refine((s) => normalizePhone(s) !== null, { message: 'phone' })
  .transform((s) => normalizePhone(s)!);

export const optionalPhoneNumber = z
  .union([z.literal(''), phoneNumber])
  .optional()
  .transform((v) => v ?? '');

/** Paging of the long lists (each list adds its own `sort` column set). */
export const paging = {
  offset: z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(0, { message: 'invalid' }).default(0),
  limit: z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(500, { message: 'invalid' }).default(50),
  dir: z.enum(['asc', 'desc'], { message: 'invalid' }).default('desc'),
};

export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'invalid' });

// Pieces shared by the input schemas of several areas (clients, consultations, cases, mobile sessions).

export const districtId = z.string({ message: 'required' }).refine((s) => isDistrictId(s), { message: 'invalid' });

export const optionalDistrictId = z
  .union([z.literal(''), z.null(), districtId])
  .optional()
  .transform((v) => (v ? v : null));

export const optionalBool = z.boolean({ message: 'invalid' }).nullable().optional().transform((v) => v ?? null);

export const diram = z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(0, { message: 'invalid' }).max(1e12, { message: 'invalid' });

export const optionalDiram = diram.nullable().optional().transform((v) => v ?? null);

/** `later` is on or after `earlier` when both are given; the message goes on `path`. */
export function ordered<T extends Record<string, unknown>>(earlier: keyof T & string, later: keyof T & string) {
  return (v: T, ctx: z.RefinementCtx) => {
    const a = v[earlier];
    const b = v[later];
    if (typeof a === 'string' && typeof b === 'string' && a && b && b < a) ctx.addIssue({ code: 'custom', message: 'dateOrder', path: [later] });
  };
}

export const idInput = z.object({ id: recordId }).strict();
