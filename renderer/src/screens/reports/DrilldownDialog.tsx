import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportQuery } from '../../../../shared/api/reportTypes';
import { formatDate } from '../../../../shared/domain/dates';
import type { DrillTarget } from '../../../../shared/reports/reportLayout';
import { keyLabel, type LabelledDimension } from '../../../../shared/reports/reportText';
import { call, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useReportText } from './useReportText';

/** The consultations behind one number (first qualifying consultation of each woman for women counts). */
export function DrilldownDialog({ query, target, onClose }: { query: ReportQuery; target: DrillTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const text = useReportText();
  const label = (dim: LabelledDimension, key: string) => keyLabel(text, dim, key);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const q = useQuery({
    queryKey: ['reports:drilldown', query, target.target, target.dimension, target.key],
    queryFn: () => call('reports:drilldown', { ...query, target: target.target, dimension: target.dimension, key: target.key }),
  });
  const data = q.data;
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('reports.drilldown.title', { what: target.label })}</h2>
      {q.error && <ErrorMessage error={q.error instanceof ApiError ? q.error.info : null} />}
      {data && (
        <>
          <p>{t('reports.drilldown.count', { shown: data.rows.length, count: data.total })}</p>
          {!data.withNames && <p className="muted">{t('reports.drilldown.noNames')}</p>}
          <div className="report-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.drilldown.date')}</th>
                  {data.withNames && <th scope="col">{t('reports.drilldown.client')}</th>}
                  <th scope="col">{t('reports.drilldown.venue')}</th>
                  <th scope="col">{t('reports.drilldown.district')}</th>
                  <th scope="col">{t('reports.drilldown.sex')}</th>
                  <th scope="col">{t('reports.drilldown.age')}</th>
                  <th scope="col">{t('reports.drilldown.abandoned')}</th>
                  <th scope="col">{t('reports.drilldown.issues')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.consultationId}>
                    <td>{formatDate(r.date)}</td>
                    {data.withNames && <td>{r.clientName}</td>}
                    <td>
                      {label('venue', r.venueKind)} {r.mobileSessionCode ?? r.contactPointCode}
                    </td>
                    <td>{label('district', r.districtId)}</td>
                    <td>{label('sex', r.sex)}</td>
                    <td>{label('ageBand', r.ageBand)}</td>
                    <td>{r.migrantHousehold ? label('abandoned', r.abandoned === null ? 'unknown' : r.abandoned ? 'yes' : 'no') : '—'}</td>
                    <td>{r.issues.map((i) => label('issue', i)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('reports.drilldown.close')}
        </button>
      </div>
    </dialog>
  );
}
