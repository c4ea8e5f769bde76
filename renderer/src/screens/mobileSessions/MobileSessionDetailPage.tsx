import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MobileSessionStatus } from '../../../../shared/domain/enums';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useEnumLabel } from '../../hooks/useEnumOptions';
import { useAddress } from '../../hooks/useRegions';
import { href, hrefWith } from '../../router';
import { useMay } from '../../hooks/useMay';

/** One mobile session: where and who, its status, and who was seen. */
export function MobileSessionDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const client = useQueryClient();
  const address = useAddress();
  const issueLabel = useEnumLabel('issue');
  const kindLabel = useEnumLabel('consultationKind');
  const q = useQuery({ queryKey: ['mobileSessions:get', id], queryFn: () => call('mobileSessions:get', { id }) });
  const [confirm, setConfirm] = useState<MobileSessionStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError['info'] | null>(null);

  async function changeStatus(status: MobileSessionStatus) {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('mobileSessions:setStatus', { id, status });
      client.setQueryData(['mobileSessions:get', id], saved);
      void client.invalidateQueries({ queryKey: ['mobileSessions:list'] });
      notify(t('common.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  }

  const may = useMay();
  if (q.isPending) return <p>{t('app.loading')}</p>;
  if (q.error) return <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />;
  const { session: s, team, consultations } = q.data;
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={`${t('sessions.editTitle')} ${s.code}`}
        back={{ href: href('mobileSessions'), label: t('sessions.title') }}
        subtitle={<span className={`badge badge--${s.status === 'conducted' ? 'ok' : s.status === 'cancelled' ? 'danger' : 'warn'}`}>{t(`enum.sessionStatus.${s.status}`)}</span>}
        actions={
          <>
            {s.status !== 'cancelled' && may('desk:register') && (
              <a className="button primary" href={href('mobileSessions', id, 'desk')}>
                {t('sessions.openDesk')}
              </a>
            )}
            {s.status === 'planned' && may('mobileSessions:setStatus') && (
              <>
                <button type="button" onClick={() => setConfirm('conducted')}>
                  {t('sessions.markConducted')}
                </button>
                <button type="button" onClick={() => setConfirm('cancelled')}>
                  {t('sessions.markCancelled')}
                </button>
              </>
            )}
            {may('mobileSessions:save') && (
              <a className="button" href={href('mobileSessions', id, 'edit')}>
                {t('common.edit')}
              </a>
            )}
          </>
        }
      />
      <ErrorMessage error={error} />
      <div className="panel">
        <dl className="facts">
          <dt>{t('sessions.date')}</dt>
          <dd>{formatDate(s.date)}</dd>
          <dt>{t('sessions.place')}</dt>
          <dd>{address({ village: s.village, jamoat: s.jamoat, districtId: s.districtId })}</dd>
          <dt>{t('sessions.contactPoint')}</dt>
          <dd>{s.contactPointName}</dd>
          <dt>{t('sessions.partner')}</dt>
          <dd>{s.partnerAuthority || t('common.none')}</dd>
          <dt>{t('sessions.team')}</dt>
          <dd>{team.length ? team.map((m) => [m.name, m.role].filter(Boolean).join(' — ')).join('; ') : t('common.none')}</dd>
          {s.notes && (
            <>
              <dt>{t('common.notes')}</dt>
              <dd>{s.notes}</dd>
            </>
          )}
        </dl>
      </div>
      <div className="panel">
        <h2>
          {t('sessions.seen')} — {t('sessions.seenCount', { count: s.clientCount })}
        </h2>
        {consultations.length > 0 && (
          <p className="small">
            <a href={hrefWith(href('consultations'), { session: id })}>{t('listFilters.sessionConsultationsLink')}</a>
          </p>
        )}
        {consultations.length === 0 ? (
          <p className="empty">{t('sessions.noSeen')}</p>
        ) : (
          <table className="simple">
            <thead>
              <tr>
                <th scope="col">{t('consultations.client')}</th>
                <th scope="col">{t('consultations.issues')}</th>
                <th scope="col">{t('consultations.kind')}</th>
                <th scope="col">{t('consultations.migrant')}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={href('clients', c.clientId)}>{c.clientName}</a>
                  </td>
                  <td>{c.issues.map(issueLabel).join(', ')}</td>
                  <td>{kindLabel(c.kind)}</td>
                  <td>{c.migrantHousehold ? (c.abandoned ? `${t('common.yes')} · ${t('consultations.abandoned')}` : t('common.yes')) : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'conducted' ? t('sessions.markConducted') : t('sessions.markCancelled')}
        confirmLabel={confirm === 'conducted' ? t('sessions.markConducted') : t('sessions.markCancelled')}
        danger={confirm === 'cancelled'}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void changeStatus(confirm)}
      >
        <p>{confirm === 'conducted' ? t('sessions.conductedConfirm') : t('sessions.cancelConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}
