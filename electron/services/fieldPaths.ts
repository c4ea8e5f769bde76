import { AppError, type FieldError } from '../../shared/api/errors';

// A problem is reported on the field the user typed it in, named as the caller's form names it: the
// consultation form's `followUpOn` is the session desk's `consultation.followUpOn`. A service's checks
// take a FieldPath and never spell a caller's path themselves.

export type FieldPath = (field: string) => string;

/** The form's own field names. */
export const asIs: FieldPath = (field) => field;

/** The fields of a part of a larger form (`client.phones.0.phone`). */
export const under =
  (prefix: string): FieldPath =>
  (field) =>
    `${prefix}.${field}`;

/** A VALIDATION error on one field; `key` is the i18n key under `validation.`. */
export function fieldError(message: string, path: string, key: string, params?: FieldError['params']): AppError {
  return new AppError('VALIDATION', message, [{ path, key, ...(params ? { params } : {}) }]);
}

/** A VALIDATION error on several fields, when there are any. */
export function throwIfAny(message: string, errors: FieldError[]): void {
  if (errors.length) throw new AppError('VALIDATION', message, errors);
}
