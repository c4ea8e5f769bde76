import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format';

/**
 * Templates and legal references sent by paired installations: none of them is in force until an
 * administrator accepts it here. Shown only when something waits.
 */
// The columns of a legal reference as the table above names them.
const COLUMN_LABELS: Record<string, string> = {
  text_tg: 'filings.refTextTg',
  text_ru: 'filings.refTextRu',
  text_en: 'filings.refTextEn',
  value: 'filings.refValue',
  source: 'filings.refSource',
  key: 'filings.refKey',
};

export function ProposalsPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const proposals = useQuery({ queryKey: ['proposals:list'], queryFn: () => call('proposals:list', {}) });
  const [error, setError] = useState<ApiError['info'] | null>(null);

  async function decide(id: string, accept: boolean) {
    setError(null);
    try {
      qc.setQueryData(['proposals:list'], await call('proposals:decide', { id, accept }));
      await qc.invalidateQueries({ queryKey: ['legalRefs:list'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: 'unexpected' });
    }
  }

  if (!proposals.data?.length) return null;
  return (
    <section className="card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('filings.proposalsTitle')}</h2>
      <p className="muted">{t('filings.proposalsIntro')}</p>
      <ErrorMessage error={error} />
      <ul className="list-plain">
        {proposals.data.map((p) => (
          <li key={p.id}>
            <strong>{p.kind === 'template' ? t('filings.proposalTemplate') : t('filings.proposalLegalRef')}</strong> <code>{p.subject}</code>
            {(p.texts.textTg || p.texts.textRu || p.texts.value) && (
              <div>
                {[p.texts.textTg, p.texts.textRu, p.texts.value].filter(Boolean).join(' · ')}
              </div>
            )}
            <div className="small muted">
              {t('filings.proposalFrom', { sender: p.senderInstallationId.slice(0, 8), date: formatDateTime(p.receivedAt) })} ·{' '}
              {t('filings.proposalFields', { fields: p.fields.map((f) => (COLUMN_LABELS[f] ? t(COLUMN_LABELS[f]) : f)).join(', ') })}
            </div>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void decide(p.id, true)}>
                {t('filings.proposalAccept')}
              </button>
              <button type="button" onClick={() => void decide(p.id, false)}>
                {t('filings.proposalReject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
