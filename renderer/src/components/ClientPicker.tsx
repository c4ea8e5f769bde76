import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/api/errors';
import { call } from '../api/client';
import { formatDate, fullName } from '../format';
import { Field } from './Field';
import { FieldMessages } from './form/FieldMessages';
import { useDebounced } from './GlobalSearch';

/** Chooses the client a consultation or case is about: type a name, phone or document, pick one. */
export function ClientPicker({ clientId, onChange, error, label }: { clientId: string; onChange: (id: string) => void; error?: FieldError | undefined; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const chosen = useQuery({ queryKey: ['clients:get', clientId], queryFn: () => call('clients:get', { id: clientId }), enabled: !!clientId });
  const found = useQuery({
    queryKey: ['clients:list', 'picker', q],
    queryFn: () => call('clients:list', { query: q, limit: 8, offset: 0, sort: 'name', dir: 'asc' }),
    enabled: !clientId && q.length >= 2,
  });
  if (clientId) {
    const c = chosen.data?.client;
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <div className="row" aria-labelledby={`${id}-label`}>
          <strong>{c ? fullName(c) : '…'}</strong>
          {c?.birthDate && <span className="muted">{formatDate(c.birthDate)}</span>}
          <button type="button" className="small" onClick={() => onChange('')}>
            {t('common.change')}
          </button>
        </div>
        <FieldMessages id={id} error={error} />
      </div>
    );
  }
  return (
    <div>
      <Field label={label} value={query} onChange={setQuery} placeholder={t('clients.searchPlaceholder')} error={error} type="text" />
      {(found.data?.rows.length ?? 0) > 0 && (
        <ul className="list-plain picker-results" aria-label={t('search.results')}>
          {found.data!.rows.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => onChange(c.id)}>
                {fullName(c)}
              </button>{' '}
              <span className="muted small">{[formatDate(c.birthDate), c.phone].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
