import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalRef } from '../../../../shared/api/filingsTypes';
import type { AppStatus } from '../../../../shared/api/types';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router';
import { ProposalsPanel } from './ProposalsPanel';
import { TemplatesPanel } from './TemplatesPanel';

/** Administrators edit and confirm the legal references (article numbers, fees, courts) and templates. */
export function LegalRefsScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refs = useQuery({ queryKey: ['legalRefs:list'], queryFn: () => call('legalRefs:list', {}) });
  const [onlyUnconfirmed, setOnlyUnconfirmed] = useState(false);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<LegalRef | null>(null);
  const [error, setError] = useState<ApiError['info'] | null>(null);
  const isAdmin = status.user?.role === 'administrator';

  async function act(fn: () => Promise<LegalRef[]>) {
    setError(null);
    try {
      qc.setQueryData(['legalRefs:list'], await fn());
      setEditing(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: 'unexpected' });
    }
  }

  const rows = (refs.data ?? []).filter(
    (r) => (!onlyUnconfirmed || !r.confirmed) && (!filter || `${r.key} ${r.textTg} ${r.textRu}`.toLowerCase().includes(filter.toLowerCase())),
  );

  return (
    <section aria-labelledby="section-title">
      <PageHeader title={t('filings.legalRefsTitle')} subtitle={t('filings.legalRefsIntro')} back={{ href: href('filings'), label: t('filings.title') }} />
      <div className="form-grid">
        <Field label={t('filings.filterRefs')} value={filter} onChange={setFilter} />
        <label className="checkbox">
          <input type="checkbox" checked={onlyUnconfirmed} onChange={(e) => setOnlyUnconfirmed(e.target.checked)} /> {t('filings.onlyUnconfirmed')}
        </label>
      </div>
      {isAdmin && <ProposalsPanel />}
      <ErrorMessage error={error} />
      {editing && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => call('legalRefs:save', { id: editing.id, textTg: editing.textTg, textRu: editing.textRu, textEn: editing.textEn, value: editing.value, source: editing.source }));
          }}
        >
          <h2>{editing.key}</h2>
          <Field label={t('filings.refTextTg')} value={editing.textTg} onChange={(v) => setEditing({ ...editing, textTg: v })} />
          <Field label={t('filings.refTextRu')} value={editing.textRu} onChange={(v) => setEditing({ ...editing, textRu: v })} />
          <Field label={t('filings.refTextEn')} value={editing.textEn} onChange={(v) => setEditing({ ...editing, textEn: v })} />
          <Field label={t('filings.refValue')} value={editing.value} onChange={(v) => setEditing({ ...editing, value: v })} error={error?.fields?.find((f) => f.path === 'value')} />
          <Field label={t('filings.refSource')} value={editing.source} onChange={(v) => setEditing({ ...editing, source: v })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('filings.refKey')}</th>
            <th scope="col">{t('filings.refTextTg')}</th>
            <th scope="col">{t('filings.refTextRu')}</th>
            <th scope="col">{t('filings.refSource')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('filings.confirm')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <code>{r.key}</code>
              </td>
              <td>{r.textTg}</td>
              <td>{r.textRu}</td>
              <td className="small">
                {r.source} {!r.confirmed && <strong className="badge badge--warning">{t('filings.checkLaw')}</strong>}
              </td>
              <td>
                {isAdmin && (
                  <>
                    <button type="button" onClick={() => void act(() => call('legalRefs:confirm', { id: r.id, confirmed: !r.confirmed }))}>
                      {r.confirmed ? t('filings.unconfirm') : t('filings.confirm')}
                    </button>
                    <button type="button" onClick={() => setEditing(r)}>
                      {t('filings.editRef')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && <TemplatesPanel />}
    </section>
  );
}
