import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../../shared/api/caseTypes';
import { CASE_STATUSES, CASE_TYPES } from '../../../../shared/domain/enums';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/form/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { formatCount, formatDate } from '../../format';
import { href } from '../../router';

const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

/** Each lawyer's open cases by status and type, the oldest open one, and cases closed this year. */
export function CaseloadScreen() {
  const { t } = useTranslation();
  const [contactPoint, setContactPoint] = useState('');
  const points = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: false }) });
  const q = useQuery({ queryKey: ['cases:caseload', contactPoint], queryFn: () => call('cases:caseload', { contactPointId: contactPoint || null }) });
  const d = q.data;
  // Only the statuses and types some case is in get a column: a row of empty columns would push the
  // table off a laptop's screen.
  const statuses = d ? OPEN_STATUSES.filter((s) => (d.total.byStatus[s] ?? 0) > 0) : [];
  const types = d ? CASE_TYPES.filter((type) => (d.total.byType[type] ?? 0) > 0) : [];
  const cells = (r: Omit<CaseloadRow, 'userId' | 'name'>) => (
    <>
      <td className="num">{formatCount(r.open)}</td>
      {statuses.map((s) => (
        <td key={s} className="num">
          {formatCount(r.byStatus[s] ?? 0)}
        </td>
      ))}
      {types.map((type) => (
        <td key={type} className="num">
          {formatCount(r.byType[type] ?? 0)}
        </td>
      ))}
      <td>{formatDate(r.oldestOpenOn)}</td>
      <td className="num">{formatCount(r.closedThisYear)}</td>
    </>
  );
  return (
    <section aria-labelledby="section-title">
      <PageHeader title={t('caseload.title')} subtitle={t('caseload.subtitle')} back={{ href: href('cases'), label: t('cases.title') }} />
      <div className="filters">
        <SelectField
          label={t('caseload.contactPoint')}
          value={contactPoint}
          onChange={setContactPoint}
          options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          emptyLabel={t('caseload.allContactPoints')}
        />
      </div>
      {q.error && <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />}
      {d && (
        // A wide table scrolls sideways inside its box: the box takes the focus so the keyboard can scroll it.
        <div className="caseload-scroll" tabIndex={0} role="region" aria-label={t('caseload.tableLabel')}>
          <table className="simple caseload" aria-label={t('caseload.tableLabel')}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('caseload.lawyer')}
                </th>
                <th scope="col" rowSpan={2} className="num">
                  {t('caseload.open')}
                </th>
                {statuses.length > 0 && (
                  <th scope="colgroup" colSpan={statuses.length}>
                    {t('caseload.byStatus')}
                  </th>
                )}
                {types.length > 0 && (
                  <th scope="colgroup" colSpan={types.length}>
                    {t('caseload.byType')}
                  </th>
                )}
                <th scope="col" rowSpan={2}>
                  {t('caseload.oldestOpen')}
                </th>
                <th scope="col" rowSpan={2} className="num">
                  {t('caseload.closedThisYear')}
                </th>
              </tr>
              <tr>
                {statuses.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`enum.caseStatus.${s}`)}
                  </th>
                ))}
                {types.map((type) => (
                  <th key={type} scope="col" className="num">
                    {t(`enum.caseType.${type}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.userId ?? 'none'}>
                  <th scope="row">{r.userId ? r.name : t('caseload.unassigned')}</th>
                  {cells(r)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('caseload.total')}</th>
                {cells(d.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
