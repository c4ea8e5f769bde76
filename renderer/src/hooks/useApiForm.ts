import { useEffect, useId, useRef, useState } from 'react';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../../shared/api/contract';
import type { ErrorInfo, FieldError } from '../../../shared/api/errors';
import { zodToFieldErrors } from '../../../shared/api/validation';
import { ApiError, call } from '../api/client';
import { revealFocused } from './revealFocused';

/** What marks a field the user has to correct: the inputs' own flag, or a group (checkboxes) marked as a whole. */
const INVALID = '[aria-invalid="true"], .field--invalid input, .field--invalid select, .field--invalid textarea';

/**
 * Submits a form to one channel: checks the input with the channel's own schema first (the same one
 * the handler uses), then calls it; keeps field errors and the general error for display.
 *
 * After a refused save the eye is taken to the problem: the first invalid field of the form gets the
 * focus and is scrolled into the middle of the window (its message is under it); when no field is to
 * blame (a refused role, a full disk) the form's summary (`FormErrorSummary`, beside the save button)
 * takes the focus instead. Every form uses this, so they all behave alike.
 */
export function useApiForm<C extends ChannelName>(channel: C) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [error, setError] = useState<ErrorInfo | { code: 'NETWORK'; message: string } | null>(null);
  const [failures, setFailures] = useState(0);
  const summaryId = useId();
  /** The form (or dialog) the save came from: found from the focus, so no form has to hand in a ref. */
  const scope = useRef<Element | null>(null);

  useEffect(() => {
    if (failures === 0) return;
    const summary = document.getElementById(summaryId);
    const within = scope.current?.isConnected ? scope.current : (summary?.closest('form, dialog') ?? null);
    const field = within?.querySelector<HTMLElement>(INVALID) ?? null;
    const target = field ?? summary;
    if (!target) return;
    target.focus({ preventScroll: true });
    revealFocused(target, 'center');
  }, [failures, summaryId]);

  function fail() {
    setFailures((n) => n + 1);
  }

  async function submit(input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> {
    scope.current = document.activeElement?.closest('form, dialog') ?? null;
    setError(null);
    const local = contract[channel].input.safeParse(input);
    if (!local.success) {
      setFieldErrors(Object.fromEntries(zodToFieldErrors(local.error).map((f) => [f.path, f])));
      setError({ code: 'VALIDATION', message: 'invalid' });
      fail();
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
      fail();
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

  return { submit, busy, fieldErrors, error, reset, summaryId, failures };
}

export type ApiForm = Pick<ReturnType<typeof useApiForm>, 'error' | 'fieldErrors' | 'summaryId' | 'failures'>;
