import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { can } from '../../../shared/domain/permissions';
import { ApiError, call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../format';
import { useEnumLabel } from '../hooks/useEnumOptions';
import { href, hrefWith } from '../router';
import { useMay } from '../hooks/useMay';
import { HearingItems, MyWorkPanel } from './calendar/MyWork';

/** What needs attention today: hearings, overdue tasks, open cases by type, this month's counts. */
export function DashboardScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const caseType = useEnumLabel('caseType');
  const allowed = status.user ? can(status.user.role, 'personal:read') : false;
  const q = useQuery({ queryKey: ['dashboard:summary'], queryFn: () => call('dashboard:summary', {}), enabled: allowed });
  const d = q.data;
  const may = useMay();
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.welcome', { name: status.user?.displayName ?? '' })}
        actions={
          <>
            {may('clients:save') && (
              <a className="button primary" href={href('clients', 'new')}>
                {t('clients.new')}
              </a>
            )}
            {may('consultations:save') && (
              <a className="button" href={href('consultations', 'new')}>
                {t('consultations.new')}
              </a>
            )}
            {may('mobileSessions:save') && (
              <a className="button" href={href('mobileSessions', 'new')}>
                {t('sessions.plan')}
              </a>
            )}
          </>
        }
      />
      {q.error && <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />}
      {allowed && <MyWorkPanel />}
      {d && (
        <>
          <section aria-labelledby="d-month">
            <h2 id="d-month">
              {t('dashboard2.thisMonth')} <span className="muted small">({formatDate(d.month.from)} – {formatDate(d.month.to)})</span>
            </h2>
            <div className="stat-grid">
              <Stat value={d.month.consultations} label={t('dashboard2.consultations')} />
              <Stat value={d.month.newClients} label={t('dashboard2.newClients')} />
              <Stat value={d.month.migrantWomen} label={t('dashboard2.womenMigrant')} />
              <Stat value={d.month.sessionsConducted} label={t('dashboard2.sessionsConducted')} />
            </div>
          </section>
          <div className="cards dashboard-cards">
            <section className="panel" aria-labelledby="d-today">
              <h2 id="d-today">
                {t('dashboard2.hearingsToday')} ({d.hearingsToday.length})
              </h2>
              <HearingItems rows={d.hearingsToday} />
            </section>
            <section className="panel" aria-labelledby="d-week">
              <h2 id="d-week">
                {t('dashboard2.hearingsWeek')} <span className="muted small">({formatDate(d.week.from)} – {formatDate(d.week.to)})</span>
              </h2>
              <HearingItems rows={d.hearingsThisWeek} />
            </section>
            <section className="panel" aria-labelledby="d-overdue">
              <h2 id="d-overdue">
                {t('dashboard2.overdueTasks')} ({d.overdueTasks.length})
              </h2>
              {d.overdueTasks.length === 0 ? (
                <p className="empty">{t('dashboard2.nothing')}</p>
              ) : (
                <ul className="list-plain">
                  {d.overdueTasks.map((task) => (
                    <li key={task.id}>
                      <span className="overdue">{formatDate(task.dueOn)}</span> — {task.title}
                      {task.caseId && (
                        <div className="small">
                          <a href={href('cases', task.caseId)}>{task.caseNumber}</a>
                          {task.clientName && <span className="muted"> · {task.clientName}</span>}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <p className="small">
                <a href={hrefWith(href('cases'), { overdue: '1' })}>{t('listFilters.overdueCasesLink')}</a>
              </p>
            </section>
            <section className="panel" aria-labelledby="d-types">
              <h2 id="d-types">{t('dashboard2.openByType')}</h2>
              {d.openCasesByType.length === 0 ? (
                <p className="empty">{t('dashboard2.nothing')}</p>
              ) : (
                <table className="simple">
                  <tbody>
                    {d.openCasesByType.map((row) => (
                      <tr key={row.caseType}>
                        <th scope="row">
                          <a href={hrefWith(href('cases'), { type: row.caseType })}>{caseType(row.caseType)}</a>
                        </th>
                        <td className="num">{row.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
      <p className="muted small">{t('dashboard.databaseReady', { version: status.schemaVersion ?? '' })}</p>
    </section>
  );
}

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <div className="stat">
      <div className="stat__value">{value}</div>
      <div className="stat__label">{label}</div>
    </div>
  );
}
