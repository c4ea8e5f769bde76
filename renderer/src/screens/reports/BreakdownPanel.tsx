import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownDimension } from '../../../../shared/api/reportTypes';
import { groupChart, groupRows, type DrillTarget, type ReportChart, type ReportSection } from '../../../../shared/reports/reportLayout';
import { useReportText } from './useReportText';
import { BarChart } from './BarChart';
import { CountValue } from './ReportTable';

/**
 * The breakdown sections of the report, one group at a time: pick the indicator and the dimension; a
 * table (each number opens its consultations, for roles that may read records) and a chart. The exports print every group in full.
 */
export function BreakdownPanel({ sections, onDrill }: { sections: ReportSection[]; onDrill: ((t: DrillTarget) => void) | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(sections[0]?.name);
  const [dim, setDim] = useState<BreakdownDimension>('ageBand');
  const section = sections.find((s) => s.name === name) ?? sections[0];
  const groups = section?.breakdown?.groups ?? [];
  const group = groups.find((g) => g.dimension === dim) ?? groups[0];
  const rows = useMemo(() => (section && group ? groupRows(section, group.dimension) : []), [section, group]);
  const title = section && group ? `${section.title} — ${group.label}` : '';
  const words = useReportText();
  // A long list (some sixty districts) shows its largest and the rest together, as the PDF does.
  const chart = useMemo<ReportChart | null>(() => (section && group ? groupChart(section, group.dimension, title, words) : null), [section, group, title, words]);
  if (!section || !group) return null;
  return (
    <section aria-labelledby="breakdowns-title">
      <h2 id="breakdowns-title">{t('reports.breakdownsTitle')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="breakdown-key">{t('reports.breakdownPick')}</label>
          <select id="breakdown-key" value={section.name} onChange={(e) => setName(e.target.value as ReportSection['name'])}>
            {sections.map((s) => (
              <option key={s.name} value={s.name}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="breakdown-dim">{t('reports.dimensionPick')}</label>
          <select id="breakdown-dim" value={group.dimension} onChange={(e) => setDim(e.target.value as BreakdownDimension)}>
            {groups.map((g) => (
              <option key={g.dimension} value={g.dimension}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <table className="report-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{group.label}</th>
            <th scope="col" className="num">
              {t('reports.value')}
            </th>
            <th scope="col" className="num">
              {t('reports.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.category}</th>
              <td className="num">
                <CountValue cell={r.count} onDrill={onDrill} />
              </td>
              <td className="num">{r.share && <CountValue cell={r.share} onDrill={null} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {group.note && <p className="muted small">{group.note}</p>}
      {chart && <BarChart chart={chart} title={title} />}
    </section>
  );
}
