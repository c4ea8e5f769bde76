import type { FieldError } from '../../../../shared/api/errors';

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, hint: unknown, error: FieldError | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
