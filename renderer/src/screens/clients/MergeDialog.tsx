import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/api/clientTypes';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/GlobalSearch';
import { useNotice } from '../../components/Notice';
import { formatDate, fullName } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

/** Find the other record of the same person and merge it into this one (after a confirmation). */
export function MergeDialog({ keep, open, onClose }: { keep: ClientSummary; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const form = useApiForm('clients:merge');
  const [query, setQuery] = useState(keep.surname);
  const [other, setOther] = useState<ClientSummary | null>(null);
  const q = useDebounced(query.trim(), 250);
  const found = useQuery({
    queryKey: ['clients:list', 'merge', q],
    queryFn: () => call('clients:list', { query: q, limit: 8, offset: 0, sort: 'name', dir: 'asc' }),
    enabled: open && q.length >= 2,
  });

  async function merge() {
    if (!other) return;
    const saved = await form.submit({ keepId: keep.id, mergeId: other.id });
    if (!saved) return;
    qc.setQueryData(['clients:get', keep.id], saved);
    void qc.invalidateQueries({ queryKey: ['clients:list'] });
    notify(t('clients.merged'));
    setOther(null);
    onClose();
  }

  return (
    <ConfirmDialog
      open={open}
      title={t('clients.mergeTitle')}
      confirmLabel={t('clients.mergeConfirm')}
      danger
      busy={form.busy || !other}
      onCancel={() => {
        setOther(null);
        onClose();
      }}
      onConfirm={() => void merge()}
    >
      {other ? (
        <p>{t('clients.mergeText', { other: `${fullName(other)} (${formatDate(other.birthDate)})`, name: `${fullName(keep)} (${formatDate(keep.birthDate)})` })}</p>
      ) : (
        <>
          <Field label={t('clients.mergeSearch')} value={query} onChange={setQuery} type="text" />
          <ul className="list-plain" aria-label={t('search.results')}>
            {(found.data?.rows ?? [])
              .filter((c) => c.id !== keep.id)
              .map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => setOther(c)}>
                    {fullName(c)}
                  </button>{' '}
                  <span className="muted small">{[formatDate(c.birthDate), c.phone].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
          </ul>
        </>
      )}
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}
