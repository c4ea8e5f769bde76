import { AppError } from '../shared/api/errors';

// The one place where SQLite's errors become app errors, by SQLite's own result codes (never by
// matching message text). No raw SQLite error crosses the bridge.

interface SqliteErrorLike {
  code?: unknown;
  message?: unknown;
}

export function mapSqliteError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof (error as SqliteErrorLike)?.code === 'string' ? String((error as SqliteErrorLike).code) : '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('DATABASE_CORRUPT', 'The database file is damaged or is not a Legal Aid Desk database');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('DATABASE_BUSY', 'The database is in use by another program');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('READ_ONLY', 'The database file cannot be written (read-only file or folder)');
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', 'The disk is full; nothing was saved');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', 'A record with the same identifying value already exists');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('BAD_REQUEST', 'The change breaks a rule of the database and was not saved');
  }
  return new AppError('INTERNAL', 'Unexpected database error');
}

export function isSqliteError(error: unknown): boolean {
  const code = (error as SqliteErrorLike)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
