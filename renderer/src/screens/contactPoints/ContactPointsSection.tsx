import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../shared/api/types';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useDistrictName } from '../../hooks/useRegions';
import { href } from '../../router';
import { ContactPointForm } from './ContactPointForm';
import { useMay } from '../../hooks/useMay';

/** #/contactPoints, #/contactPoints/new, #/contactPoints/ID */
export function ContactPointsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [id] = parts;
  if (!id) return <ContactPointList />;
  return <ContactPointForm key={id} id={id === 'new' ? undefined : id} status={status} />;
}

function ContactPointList() {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const q = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: true }) });
  const may = useMay();
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('contactPoints.title')}
        actions={
          may('contactPoints:save') && (
            <a className="button primary" href={href('contactPoints', 'new')}>
              {t('contactPoints.new')}
            </a>
          )
        }
      />
      {q.error && <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />}
      <div className="panel">
        {q.data && q.data.length === 0 && <p className="empty">{t('table.empty')}</p>}
        {q.data && q.data.length > 0 && (
          <table className="simple" aria-label={t('contactPoints.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('contactPoints.code')}</th>
                <th scope="col">{t('contactPoints.name')}</th>
                <th scope="col">{t('common.district')}</th>
                <th scope="col">{t('contactPoints.organisation')}</th>
                <th scope="col">{t('contactPoints.establishedOn')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('contactPoints.staff')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href('contactPoints', p.id)}>{p.code}</a>
                  </td>
                  <td>
                    {p.name} {p.isOwn && <span className="badge badge--ok">{t('contactPoints.isThisInstallation')}</span>}
                  </td>
                  <td>{districtName(p.districtId)}</td>
                  <td>{p.organisation}</td>
                  <td>{formatDate(p.establishedOn)}</td>
                  <td>{p.closedOn ? `${t('contactPoints.closed')} ${formatDate(p.closedOn)}` : t('contactPoints.operating')}</td>
                  <td>{p.staffCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
