import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { formatDate } from '../../format';
import { formatDateTime } from '../../format';

/** On the hub: which contact point sent data for which period. */
export function SubmissionsPanel() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['hub:submissions'], queryFn: () => call('hub:submissions', {}) });
  return (
    <section aria-labelledby="exchange-submissions">
      <h2 id="exchange-submissions">{t('exchange.submissionsTitle')}</h2>
      {list.data?.length === 0 && <p>{t('exchange.noSubmissions')}</p>}
      {!!list.data?.length && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.contactPoint')}</th>
              <th scope="col">{t('exchange.peerName')}</th>
              <th scope="col">{t('exchange.period')}</th>
              <th scope="col">{t('exchange.consultations')}</th>
              <th scope="col">{t('exchange.appliedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.packageId}>
                <td>
                  {s.contactPointCode} {s.contactPointName}
                </td>
                <td>{s.senderName}</td>
                <td>
                  {formatDate(s.periodFrom)} – {formatDate(s.periodTo)}
                </td>
                <td>{s.consultations}</td>
                <td>{formatDateTime(s.appliedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
