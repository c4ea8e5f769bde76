import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportSummary } from '../../../../shared/api/reportTypes';
import { ApiError, call } from '../../api/client';
import type { ChosenFile } from '../../api/files';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePicker } from '../../components/FilePicker';

/** Import of an existing register: check the whole file first (every bad row listed), then import. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('consultations');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  async function run(channel: 'import:preview' | 'import:commit') {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call(channel, { kind, file: file.payload }));
      if (channel === 'import:commit') await qc.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('reports.import.title')}</h2>
      <p className="muted">{t('reports.import.intro')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('reports.import.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setPreview(null);
            }}
          >
            {(['contact-points', 'mobile-sessions', 'consultations'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`reports.import.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <FilePicker
          kind="register"
          label={t('reports.import.file')}
          onChoose={(f) => {
            setPreview(null);
            setFile(f);
          }}
        />
      </div>
      <div className="actions">
        <button type="button" disabled={!file || busy} onClick={() => void run('import:preview')}>
          {t('reports.import.check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file || busy || !preview || preview.committed || preview.errors.length > 0}
          onClick={() => void run('import:commit')}
        >
          {t('reports.import.commit')}
        </button>
        {busy && <span role="status">{t('reports.import.checking')}</span>}
      </div>
      {error && <ErrorMessage error={error.info} />}
      {preview && (
        <div role="status">
          {preview.committed ? (
            <p className="alert">{t('reports.import.imported', { toAdd: preview.toAdd, present: preview.alreadyPresent })}</p>
          ) : (
            <p>{t('reports.import.summary', { rows: preview.rows, toAdd: preview.toAdd, present: preview.alreadyPresent })}</p>
          )}
          {preview.kind === 'consultations' && preview.newClients > 0 && <p>{t('reports.import.newClients', { count: preview.newClients })}</p>}
          {preview.errors.length > 0 && (
            <>
              <p className="alert alert--error">{t('reports.import.problems', { count: preview.errors.length })}</p>
              <div className="report-scroll">
                <table className="report-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.import.row')}</th>
                      <th scope="col">{t('reports.import.column')}</th>
                      <th scope="col">{t('reports.import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e, i) => (
                      <tr key={i}>
                        <td>{e.row}</td>
                        <td>{e.column}</td>
                        {/* A date's problems read as they do next to a date field (the one date rule); the rest are the importer's own. */}
                        <td>{t([`reports.import.errors.${e.key}`, `validation.${e.key}`], e.params ?? {})}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={() => ref.current?.close()}>
          {t('reports.import.close')}
        </button>
      </div>
    </dialog>
  );
}
