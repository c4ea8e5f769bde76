import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';

/** Closed cases older than the retention setting, to review for erasure. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['cases:retentionReview'], queryFn: () => call('cases:retentionReview', {}) });
  const settings = useQuery({ queryKey: ['settings:get'], queryFn: () => call('settings:get', {}) });
  return (
    <div>
      <h2>{t('security.retention.title')}</h2>
      <p className="muted">{t('security.retention.intro', { count: settings.data?.retentionYears ?? 0 })}</p>
      {list.data?.length === 0 && <p>{t('security.retention.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('security.retention.case')}</th>
              <th scope="col">{t('security.retention.type')}</th>
              <th scope="col">{t('security.retention.closedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.caseId}>
                <td>
                  <a href={`#/cases/${r.caseId}`}>{r.number || r.caseId.slice(0, 8)}</a>
                </td>
                <td>{t(`enum.caseType.${r.caseType as 'other'}`)}</td>
                <td>{formatDate(r.closedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
