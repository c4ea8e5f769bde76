import type { ErrorInfo } from './errors';

/** What every handler call returns across the bridge (IPC or loopback HTTP). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
