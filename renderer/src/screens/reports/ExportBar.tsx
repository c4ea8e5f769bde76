import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ReportQuery } from '../../../../shared/api/reportTypes';
import type { Language } from '../../../../shared/domain/enums';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveFile } from '../../api/files';

/** PDF / XLSX / CSV of the report on screen; small numbers hidden by default (the file leaves the contact point). */
export function ExportBar({ query }: { query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const [suppress, setSuppress] = useState(true);
  const [language, setLanguage] = useState<Language>((['tg', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'tg') as Language);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(format: ExportFormat) {
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      const file = await call('reports:export', { ...query, format, language, suppressSmall: suppress });
      if (await saveFile(file)) setDone(file.fileName);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(null);
    }
  }
  return (
    <section aria-labelledby="export-title" className="report-export">
      <h2 id="export-title">{t('reports.export.title')}</h2>
      <label className="check-inline">
        <input type="checkbox" checked={suppress} onChange={(e) => setSuppress(e.target.checked)} /> {t('reports.export.suppress')}
      </label>
      <div className="row">
        <div className="field">
          <label htmlFor="export-language">{t('reports.export.language')}</label>
          <select id="export-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {(['tg', 'ru', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
          <button key={f} type="button" disabled={busy !== null} onClick={() => void run(f)}>
            {t(`reports.export.${f}`)}
          </button>
        ))}
      </div>
      {busy && (
        <p role="status">
          <progress aria-label={t('reports.export.working')} /> {t('reports.export.working')}
        </p>
      )}
      {done && <p role="status">{t('reports.export.done', { name: done })}</p>}
      {error && <ErrorMessage error={error.info} />}
    </section>
  );
}
