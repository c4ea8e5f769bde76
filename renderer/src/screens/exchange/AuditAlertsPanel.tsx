import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { RefusalMessage } from './RefusalMessage';
import { useAction } from './useAction';
import { formatDateTime } from '../../format';

/**
 * Paired installations whose audit trail no longer holds what their earlier packages showed. Their
 * packages are refused until an administrator acknowledges; shown only while there is something to see.
 */
export function AuditAlertsPanel({ canAcknowledge }: { canAcknowledge: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ['exchange:auditAlerts'], queryFn: () => call('exchange:auditAlerts', { includeAcknowledged: false }) });
  const { busy, error, run } = useAction();

  async function acknowledge(id: string) {
    const rest = await run(() => call('exchange:acknowledgeAuditAlert', { id }));
    if (rest) client.setQueryData(['exchange:auditAlerts'], rest);
  }

  if (!alerts.data?.length) return null;
  return (
    <section aria-labelledby="exchange-audit-alerts" className="alert alert--error">
      <h2 id="exchange-audit-alerts">{t('exchange.auditAlertsTitle')}</h2>
      <p>{t('exchange.auditAlertsHelp')}</p>
      <ul>
        {alerts.data.map((a) => (
          <li key={a.id}>
            {t('exchange.auditAlert', { sender: a.senderName, seq: a.witnessedSeq, at: formatDateTime(a.detectedAt) })}{' '}
            {canAcknowledge ? (
              <button type="button" disabled={busy} onClick={() => void acknowledge(a.id)}>
                {t('exchange.acknowledgeAuditAlert')}
              </button>
            ) : (
              <span className="muted">{t('exchange.auditAlertAdminOnly')}</span>
            )}
          </li>
        ))}
      </ul>
      <RefusalMessage error={error} />
    </section>
  );
}
