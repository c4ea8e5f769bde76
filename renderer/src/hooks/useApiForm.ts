import { useState } from 'react';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../../shared/api/contract';
import type { ErrorInfo, FieldError } from '../../../shared/api/errors';
import { zodToFieldErrors } from '../../../shared/api/validation';
import { ApiError, call } from '../api/client';

/**
 * Submits a form to one channel: checks the input with the channel's own schema first (the same one
 * the handler uses), then calls it; keeps field errors and the general error for display.
 */
export function useApiForm<C extends ChannelName>(channel: C) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [error, setError] = useState<ErrorInfo | { code: 'NETWORK'; message: string } | null>(null);

  async function submit(input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> {
    setError(null);
    const local = contract[channel].input.safeParse(input);
    if (!local.success) {
      setFieldErrors(Object.fromEntries(zodToFieldErrors(local.error).map((f) => [f.path, f])));
      setError({ code: 'VALIDATION', message: 'invalid' });
      return undefined;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      return await call(channel, input);
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.info);
        if (e.info.fields) setFieldErrors(Object.fromEntries(e.info.fields.map((f) => [f.path, f])));
      } else {
        setError({ code: 'INTERNAL', message: 'unexpected' });
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  /** Forgets the messages (a form cleared for the next entry). */
  function reset() {
    setFieldErrors({});
    setError(null);
  }

  return { submit, busy, fieldErrors, error, reset };
}
