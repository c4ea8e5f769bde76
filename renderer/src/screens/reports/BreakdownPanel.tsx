import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownDimension, BreakdownKey, Count, IndicatorReport } from '../../../../shared/api/reportTypes';
import { BREAKDOWN_KEYS } from '../../../../shared/domain/indicatorDefinitions';
import { BarChart } from './BarChart';
import type { DrilldownTargetRef } from './DrilldownDialog';
import { useKeyLabel } from './useKeyLabel';

/** One breakdown at a time: pick the indicator and the dimension; a table (each number opens its consultations, for roles that may read records) and a chart. */
export function BreakdownPanel({ report, onDrill }: { report: IndicatorReport; onDrill: ((t: DrilldownTargetRef) => void) | null }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const [key, setKey] = useState<BreakdownKey>('1.2.3.womenFromMigrantHouseholds');
  const breakdown = report.breakdowns[key];
  const dims = Object.keys(breakdown) as BreakdownDimension[];
  const [dim, setDim] = useState<BreakdownDimension>('ageBand');
  const current = dims.includes(dim) ? dim : dims[0]!;
  const cells = breakdown[current] ?? {};
  const entries = Object.entries(cells) as [string, Count][];
  const labels = useMemo(() => entries.map(([k]) => label(current, k)), [entries, current, label]);
  const values = useMemo(() => entries.map(([, v]) => v), [entries]);
  const title = `${t(`reports.breakdownTitles.${key}`)} — ${t(`reports.dimensions.${current}`)}`;
  return (
    <section aria-labelledby="breakdowns-title">
      <h2 id="breakdowns-title">{t('reports.breakdownsTitle')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="breakdown-key">{t('reports.breakdownPick')}</label>
          <select id="breakdown-key" value={key} onChange={(e) => setKey(e.target.value as BreakdownKey)}>
            {BREAKDOWN_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.breakdownTitles.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="breakdown-dim">{t('reports.dimensionPick')}</label>
          <select id="breakdown-dim" value={current} onChange={(e) => setDim(e.target.value as BreakdownDimension)}>
            {dims.map((d) => (
              <option key={d} value={d}>
                {t(`reports.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <table className="report-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t(`reports.dimensions.${current}`)}</th>
            <th scope="col">{t('reports.value')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([k, v], i) => (
            <tr key={k}>
              <th scope="row">{labels[i]}</th>
              <td className="num">
                {onDrill && typeof v === 'number' && v > 0 ? (
                  <button type="button" className="link" onClick={() => onDrill({ target: key, dimension: current, key: k, label: `${title}: ${labels[i]}` })}>
                    {v}
                  </button>
                ) : (
                  v
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.multiValuedDimensions.includes(current) && <p className="muted small">{t('reports.issueNote')}</p>}
      <BarChart labels={labels} values={values} title={title} />
    </section>
  );
}
