// One union of error codes for the whole app, one mapping to user text (i18n key `error.<code>`).
// Errors cross the bridge as { code, message, fields? }: `message` is an English fallback for logs and
// the command line; the UI shows the translated text for `code`.

export const ERROR_CODES = [
  'VALIDATION',
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'NO_DATABASE',
  'DATABASE_EXISTS',
  'LOCKED',
  'WRONG_PASSPHRASE',
  // The passphrase is right but the user's slot in the key file was edited (its user, name or keys).
  'KEY_SLOT_ALTERED',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  // A sensitive record the user may not see (shared/domain/sensitivity.ts); the refusal is audited.
  'RESTRICTED',
  // Saving a case whose respondent matches clients of this office, without the lawyer's decision; params.matches.
  'CONFLICT_OF_INTEREST',
  'CONFLICT',
  'INVALID_TRANSITION',
  'SCHEMA_TOO_NEW',
  'DATABASE_CORRUPT',
  'DATABASE_BUSY',
  // A write while a package is being applied (it holds the database for its one transaction); try again shortly.
  'APPLYING_PACKAGE',
  'READ_ONLY',
  'DISK_FULL',
  // Exchange: an exchange package that cannot be applied; params.reason says why.
  'PACKAGE_REFUSED',
  // A file (register, template) that would unpack to more than the app opens; params.megabytes.
  'FILE_TOO_LARGE',
  // A register with more rows, columns or cells than the app reads; params give the limits.
  'TABLE_TOO_LARGE',
  // A file holding what the app never accepts: entries named outside the document, external links.
  'FILE_UNSAFE',
  // The hub's PostgreSQL store: no server at the address, or it refused the role or its password; params.code.
  'HUB_STORE_UNREACHABLE',
  // Browser mode: too many large requests at once; the caller may try again shortly.
  'SERVER_BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level validation problem: `path` names the field, `key` an i18n key under `validation.`. */
export interface FieldError {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.fields?.length) info.fields = this.fields;
    if (this.params) info.params = this.params;
    return info;
  }
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && (ERROR_CODES as readonly string[]).includes(x);
}
