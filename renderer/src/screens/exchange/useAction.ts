import { useState } from 'react';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { ApiError } from '../../api/client';

/** Runs one action at a time and keeps its error (an API error code, or INTERNAL) for the panel to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
