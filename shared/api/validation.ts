import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';
import type { FieldError } from './errors';

// Building blocks for input schemas. Messages are i18n keys under `validation.` so the UI can say
// what is wrong with each field in the user's language.

export const requiredText = (max = 200) =>
  z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

export const optionalText = (max = 2000) => z.string({ message: 'invalid' }).trim().max(max, { message: 'tooLong' }).default('');

export const isoDate = z
  .string({ message: 'required' })
  .refine((s) => isValidIsoDate(s), { message: 'invalidDate' });

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
      'futureDate',
      'passphraseTooShort',
      'passphraseMismatch',
      'usernameChars',
      'phone',
      'dateOrder',
      'ageRange',
    ]);
    let key = known.has(issue.message) ? issue.message : 'invalid';
    if (issue.code === 'invalid_type' && issue.input === undefined) key = 'required';
    return { path, key };
  });
}
