import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/api/clientTypes';
import { parseDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useDebounced } from '../../components/GlobalSearch';
import { formatDate, fullName } from '../../format';

export interface DuplicateQuery {
  excludeId?: string;
  surname: string;
  givenName: string;
  birthDate: string;
  phones: string[];
  idDocNumber?: string;
}

/** Likely duplicates of the person being typed, found while typing (debounced). */
export function useDuplicates(q: DuplicateQuery, enabled = true) {
  const input = useDebounced(
    {
      ...(q.excludeId ? { excludeId: q.excludeId } : {}),
      surname: q.surname.trim(),
      givenName: q.givenName.trim(),
      birthDate: parseDate(q.birthDate) ?? '',
      phones: q.phones.filter((p) => p.replace(/\D/g, '').length >= 9),
      idDocNumber: (q.idDocNumber ?? '').trim(),
    },
    300,
  );
  const worth = input.surname.length >= 2 || input.phones.length > 0 || input.idDocNumber.length >= 4;
  return useQuery({
    queryKey: ['clients:findDuplicates', input],
    queryFn: () => call('clients:findDuplicates', input),
    enabled: enabled && worth,
    staleTime: 5_000,
  });
}

/** The candidates, each with why it matched and one action ("use this client" or "open"). */
export function DuplicateList({ candidates, actionLabel, onAction, title, hint }: { candidates: DuplicateCandidate[]; actionLabel: string; onAction: (c: DuplicateCandidate) => void; title: string; hint?: string }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <section className="duplicates" aria-live="polite" aria-label={title}>
      <h2>{title}</h2>
      {hint && <p className="small muted">{hint}</p>}
      <ul className="list-plain">
        {candidates.map((c) => (
          <li key={c.client.id}>
            <span>
              <strong>{c.client.restricted ? t('protection.restrictedMatch') : fullName(c.client)}</strong>{' '}
              <span className="muted small">
                {[formatDate(c.client.birthDate), c.client.phone, c.reasons.map((r) => t(`desk.matchReason.${r}`)).join(', ')].filter(Boolean).join(' · ')}
              </span>
            </span>
            {!c.client.restricted && (
              <button type="button" className="small" onClick={() => onAction(c)}>
                {actionLabel}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
