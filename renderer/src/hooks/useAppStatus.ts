import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { call, setStateChangeListener } from '../api/client';

export const STATUS_KEY = ['app:status'] as const;

/** The app's state (no database / locked / recovery / unlocked) and the remembered language. */
export function useAppStatus() {
  const { i18n } = useTranslation();
  const setStatus = useSetStatus();
  const query = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('app:status', {}) });
  const language = query.data?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    if (language) document.documentElement.lang = language;
  }, [language, i18n]);
  // A call answered "locked" or "damaged": show the unlock or recovery screen, not an error in a form.
  useEffect(() => {
    setStateChangeListener(() => void call('app:status', {}).then(setStatus, () => undefined));
    return () => setStateChangeListener(null);
  }, [setStatus]);
  return query;
}

export function useSetStatus() {
  const client = useQueryClient();
  return useCallback(
    (status: AppStatus) => {
      client.setQueryData(STATUS_KEY, status);
      if (status.state !== 'unlocked') client.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    },
    [client],
  );
}
