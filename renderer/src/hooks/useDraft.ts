import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { useMay } from './useMay';

/** A pause in typing this long keeps the entry; short enough that a lock or a crash loses next to nothing. */
const KEEP_AFTER_MS = 600;

/** The kept-entry writes still waiting for a pause in typing, in every open form. */
const waiting = new Set<() => Promise<void>>();

/** Writes every waiting entry now: the lock button calls it, so the last keystrokes are kept too. */
export async function keepDraftsNow(): Promise<void> {
  await Promise.all([...waiting].map((keep) => keep()));
}

export interface DraftControl {
  /** When the values on screen were restored from a kept entry (ISO), until saved or discarded. */
  restoredAt: string | null;
  /** Throws the kept entry away and puts the form back as it was before anything was typed. */
  discard: () => void;
  /** The form was saved: the kept entry is no longer needed. */
  saved: () => void;
}

/**
 * Keeps what is typed into a form as the user's unsaved entry in the encrypted database (channels
 * `drafts:*`), so an idle lock, a crash or a closed window does not lose it; when the form opens
 * again, the entry is put back. `values` are the form's values; `apply` replaces them; `ready` says
 * the form holds its starting values (an edited record has loaded). Roles that may not write records
 * keep nothing.
 */
export function useDraft<V extends object>({
  formKey,
  values,
  apply,
  ready = true,
  clientId = null,
}: {
  formKey: string;
  values: V;
  apply: (values: V) => void;
  ready?: boolean;
  clientId?: string | null;
}): DraftControl {
  const allowed = useMay()('drafts:put');
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const state = useRef<{ live: boolean; pristine: V | null; kept: string | null; skipNext: boolean; timer?: ReturnType<typeof setTimeout>; pending?: () => Promise<void> }>({
    live: false,
    pristine: null,
    kept: null,
    skipNext: false,
  });
  const json = JSON.stringify(values);

  // Once the form holds its starting values: remember them, then bring back a kept entry if there is one.
  useEffect(() => {
    const s = state.current;
    if (!ready || !allowed || s.pristine !== null) return;
    s.pristine = JSON.parse(json) as V;
    s.kept = json;
    let cancelled = false;
    call('drafts:get', { formKey }).then(
      ({ draft }) => {
        if (cancelled) return;
        if (draft) {
          s.skipNext = true;
          apply({ ...s.pristine!, ...(draft.values as Partial<V>) });
          setRestoredAt(draft.savedAt);
        }
        s.live = true;
      },
      () => {
        s.live = true;
      },
    );
    return () => {
      cancelled = true;
    };
    // `apply` and `json` are read once, when the form becomes ready.
  }, [ready, allowed, formKey]);

  // Every pause in typing: keep the entry (or drop it when the form is back to its starting values).
  useEffect(() => {
    const s = state.current;
    if (!s.live) return;
    if (s.skipNext) {
      s.skipNext = false;
      s.kept = json;
      return;
    }
    if (json === s.kept) return;
    clearTimeout(s.timer);
    if (s.pending) waiting.delete(s.pending);
    const keep = async () => {
      clearTimeout(s.timer);
      waiting.delete(keep);
      s.timer = undefined;
      s.pending = undefined;
      s.kept = json;
      try {
        if (json === JSON.stringify(s.pristine)) await call('drafts:discard', { formKey });
        else await call('drafts:put', { formKey, clientId, values: JSON.parse(json) as Record<string, unknown> });
      } catch {
        // Not kept this time (locked meanwhile): the next pause in typing tries again.
      }
    };
    s.pending = keep;
    waiting.add(keep);
    s.timer = setTimeout(() => void keep(), KEEP_AFTER_MS);
  }, [json, formKey, clientId]);

  // Leaving the form (another page, closing the window) keeps what was typed in the last pause too.
  useEffect(() => {
    const flush = () => void state.current.pending?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  function forget() {
    const s = state.current;
    clearTimeout(s.timer);
    if (s.pending) waiting.delete(s.pending);
    s.pending = undefined;
    setRestoredAt(null);
    void call('drafts:discard', { formKey }).catch(() => undefined);
  }

  return {
    restoredAt,
    discard: () => {
      const s = state.current;
      forget();
      if (s.pristine) {
        s.skipNext = true;
        apply(s.pristine);
      }
    },
    saved: () => {
      forget();
      // Whatever the form shows next (cleared, or the saved record) is its new starting point.
      state.current.skipNext = true;
    },
  };
}
