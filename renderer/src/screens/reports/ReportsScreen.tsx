import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportQuery } from '../../../../shared/api/reportTypes';
import { formatDate, todayIso } from '../../../../shared/domain/dates';
import type { AppStatus } from '../../../../shared/api/types';
import { can } from '../../../../shared/domain/permissions';
import { DEFINITIONS_VERSION } from '../../../../shared/domain/indicatorDefinitions';
import { layoutReport, type DrillTarget } from '../../../../shared/reports/reportLayout';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField } from '../../components/form/DateField';
import { useLocalName, useRegions } from '../../hooks/useRegions';
import { BreakdownPanel } from './BreakdownPanel';
import { DefinitionsPanel } from './DefinitionsPanel';
import { BarChart } from './BarChart';
import { DrilldownDialog } from './DrilldownDialog';
import { ExportBar } from './ExportBar';
import { ImportDialog } from './ImportDialog';
import { periodOf, type PeriodChoice, type PeriodKind } from './periods';
import { ReportTable } from './ReportTable';
import { useReportText } from './useReportText';
import { useMay } from '../../hooks/useMay';

/** Reports: indicators 1.2.3, 1.2.4, 1.2.10, 2.2.1.b for a period, with breakdowns, drill-down, exports and register import. */
export function ReportsScreen({ status }: { status: AppStatus }) {
  // The drill-down lists consultations: only for roles that may read records, never for analysts.
  const mayDrill = status.user ? can(status.user.role, 'personal:read') : false;
  const { t } = useTranslation();
  const regions = useRegions().data ?? [];
  const local = useLocalName();
  const contactPoints = useQuery({ queryKey: ['contactPoints:list', true], queryFn: () => call('contactPoints:list', { includeClosed: true }) }).data ?? [];
  const today = todayIso();
  const [p, setP] = useState<PeriodChoice>({ kind: 'year', year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)), quarter: 1, from: `${today.slice(0, 4)}-01-01`, to: today });
  const [region, setRegion] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [cp, setCp] = useState('');
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [importing, setImporting] = useState(false);
  // The report on screen stays while the next period's is counted (its charts are then updated in place).
  const report = useQuery({ queryKey: ['reports:indicators', query], queryFn: () => call('reports:indicators', query!), enabled: query !== null, placeholderData: keepPreviousData });
  const years = Array.from({ length: 12 }, (_, i) => Number(today.slice(0, 4)) - i);
  const districts = (region ? regions.filter((r) => r.code === region) : regions).flatMap((r) => r.divisions);

  // A period the channel refused (not a date, or ending before it starts) is said next to its field.
  const periodError = (path: 'from' | 'to') => (report.error instanceof ApiError ? report.error.info.fields?.find((f) => f.path === path) : undefined);

  function show() {
    const period = periodOf(p);
    setQuery({ ...period, region: region || null, districtId: districtId || null, contactPointCode: cp || null });
  }

  const r = report.data;
  const text = useReportText();
  const layout = useMemo(() => (r ? layoutReport(r, text) : null), [r, text]);
  const breakdowns = layout?.sections.filter((s) => s.breakdown) ?? [];
  const may = useMay();

  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      {may('import:commit') && (
        <div className="actions">
          <button type="button" onClick={() => setImporting(true)}>
            {t('reports.import.open')}
          </button>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
      >
        <fieldset>
          <legend>{t('reports.periodLegend')}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="period-kind">{t('reports.periodKindLabel')}</label>
              <select id="period-kind" value={p.kind} onChange={(e) => setP({ ...p, kind: e.target.value as PeriodKind })}>
                {(['month', 'quarter', 'year', 'custom'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`reports.periodKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            {p.kind !== 'custom' && (
              <div className="field">
                <label htmlFor="period-year">{t('reports.year')}</label>
                <select id="period-year" value={p.year} onChange={(e) => setP({ ...p, year: Number(e.target.value) })}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {p.kind === 'month' && (
              <div className="field">
                <label htmlFor="period-month">{t('reports.month')}</label>
                <select id="period-month" value={p.month} onChange={(e) => setP({ ...p, month: Number(e.target.value) })}>
                  {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                    <option key={m} value={m}>
                      {String(m).padStart(2, '0')}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {p.kind === 'quarter' && (
              <div className="field">
                <label htmlFor="period-quarter">{t('reports.quarter')}</label>
                <select id="period-quarter" value={p.quarter} onChange={(e) => setP({ ...p, quarter: Number(e.target.value) })}>
                  {[1, 2, 3, 4].map((q) => (
                    <option key={q} value={q}>
                      {t('reports.quarterN', { n: q })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {p.kind === 'custom' && (
              <>
                <DateField label={t('reports.from')} value={p.from} onChange={(v) => setP({ ...p, from: v })} error={periodError('from')} />
                <DateField label={t('reports.to')} value={p.to} onChange={(v) => setP({ ...p, to: v })} error={periodError('to')} />
              </>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('reports.filtersLegend')}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="filter-region">{t('reports.region')}</label>
              <select
                id="filter-region"
                value={region}
                onChange={(e) => {
                  setRegion(e.target.value);
                  setDistrictId('');
                }}
              >
                <option value="">{t('reports.all')}</option>
                {regions.map((rg) => (
                  <option key={rg.code} value={rg.code}>
                    {local(rg.name)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-district">{t('reports.district')}</label>
              <select id="filter-district" value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
                <option value="">{t('reports.all')}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {local(d.name)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-cp">{t('reports.contactPoint')}</label>
              <select id="filter-cp" value={cp} onChange={(e) => setCp(e.target.value)}>
                <option value="">{t('reports.all')}</option>
                {contactPoints.map((c) => (
                  <option key={c.id} value={c.code}>
                    {c.code} — {c.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('reports.show')}
          </button>
          {report.isFetching && <span role="status">{t('reports.loading')}</span>}
        </div>
      </form>
      {report.error && <ErrorMessage error={report.error instanceof ApiError ? report.error.info : null} />}
      <DefinitionsPanel version={r?.definitionsVersion ?? DEFINITIONS_VERSION} />
      {r && query && (
        <>
          {layout?.sections.map((section) => {
            if (section.breakdown) {
              // The breakdowns share one panel with a picker, where the first of them stands.
              return section === breakdowns[0] ? <BreakdownPanel key="breakdowns" sections={breakdowns} onDrill={mayDrill ? setDrill : null} /> : null;
            }
            if (section.chart) {
              // Charts stand side by side while the window is wide enough.
              return (
                <section key={section.name} className="report-chart" aria-labelledby={`report-${section.name}-title`}>
                  <h2 id={`report-${section.name}-title`}>{section.title}</h2>
                  <BarChart chart={section.chart} title={section.title} width={520} />
                </section>
              );
            }
            return (
              <ReportTable key={section.name} section={section} onDrill={mayDrill ? setDrill : null}>
                {section.name === 'headline' && (
                  <>
                    <p className="muted small">
                      {t('reports.periodLine', { from: formatDate(r.period.from), to: formatDate(r.period.to) })} ·{' '}
                      {t('reports.definitionsVersion', { version: r.definitionsVersion })}
                    </p>
                    {mayDrill && <p className="muted small">{t('reports.drilldownHint')}</p>}
                  </>
                )}
              </ReportTable>
            );
          })}
          <ExportBar query={query} />
        </>
      )}
      {drill && query && <DrilldownDialog query={query} target={drill} onClose={() => setDrill(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </section>
  );
}
