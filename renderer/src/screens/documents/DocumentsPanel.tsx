import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, FieldError } from '../../../../shared/api/errors';
import type { DocumentSummary } from '../../../../shared/api/filingsTypes';
import { ApiError, call } from '../../api/client';
import { acceptOf, fromInput, limitOf, pickedByMain, pickManyWithMain, saveFile, type ChosenFile } from '../../api/files';
import { CameraDialog } from '../../components/CameraDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileInput } from '../../components/FilePicker';
import { SelectField } from '../../components/form/SelectField';
import { useNotice } from '../../components/Notice';
import { formatBytes, formatDateTime } from '../../format';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { useMay } from '../../hooks/useMay';

/** Whose documents the panel shows and stores: a client's (with her consultations' and cases'), a case's or a consultation's. */
export type DocumentOwner = { clientId: string } | { caseId: string } | { consultationId: string };

function errorOf(e: unknown): ErrorInfo {
  return e instanceof ApiError && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' };
}

/**
 * The documents kept with a record, with small pictures of the scanned ones, and the ways to add one:
 * files (several at once), the laptop's camera and, on a client's page, the printed consent form.
 */
export function DocumentsPanel({ owner, consent = false }: { owner: DocumentOwner; consent?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const may = useMay();
  const notify = useNotice();
  const id = useId();
  const kindLabel = useEnumLabel('documentKind');
  const typeLabel = useEnumLabel('attachmentType');
  const typeOptions = useEnumOptions('attachmentType');
  const docs = useQuery({ queryKey: ['documents:list', owner], queryFn: () => call('documents:list', owner) });
  const [type, setType] = useState('');
  const [typeError, setTypeError] = useState<FieldError | undefined>(undefined);
  const [chosen, setChosen] = useState<ChosenFile[]>([]);
  const [refusals, setRefusals] = useState<FieldError[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const canWrite = may('documents:attach');

  async function refresh() {
    await qc.invalidateQueries({ queryKey: ['documents:list'] });
    await qc.invalidateQueries({ queryKey: ['filings:prepare'] });
  }

  /** Stores each file; a refused one is named (in the user's language) and the others still go in. */
  async function attach(files: ChosenFile[]) {
    setError(null);
    setRefusals([]);
    if (!type) {
      setTypeError({ path: 'type', key: 'required' });
      return;
    }
    setTypeError(undefined);
    setBusy(true);
    const stored: string[] = [];
    const refused: FieldError[] = [];
    try {
      for (const file of files) {
        try {
          await call('documents:attach', { ...owner, type: type as never, fileName: file.name, file: file.payload });
          stored.push(file.name);
        } catch (e) {
          const info = errorOf(e);
          const field = info.fields?.find((f) => f.path === 'file' || f.path.startsWith('file'));
          if (field) refused.push({ ...field, params: { name: file.name, ...(field.params ?? {}) } });
          else setError(info);
        }
      }
    } finally {
      setBusy(false);
    }
    setRefusals(refused);
    setChosen([]);
    if (stored.length) {
      notify(t('documents.attached', { names: stored.join(', ') }));
      await refresh();
    }
  }

  async function chooseInBrowser(files: File[]) {
    setRefusals([]);
    const picked: ChosenFile[] = [];
    const refused: FieldError[] = [];
    for (const file of files) {
      try {
        picked.push(await fromInput(file, 'scan'));
      } catch (e) {
        const field = errorOf(e).fields?.[0];
        if (field) refused.push({ ...field, key: field.key, params: { name: file.name, ...(field.params ?? {}) } });
      }
    }
    setRefusals(refused);
    setChosen(picked);
  }

  async function chooseWithMain() {
    setRefusals([]);
    try {
      setChosen(await pickManyWithMain('scan'));
    } catch (e) {
      setError(errorOf(e));
    }
  }

  async function printConsent(language: 'tg' | 'ru') {
    setError(null);
    try {
      const file = await call('receipts:consent', { clientId: (owner as { clientId: string }).clientId, language });
      await saveFile(file);
      notify(t('documents.printed'));
      await refresh();
    } catch (e) {
      setError(errorOf(e));
    }
  }

  async function download(docId: string) {
    try {
      await saveFile(await call('documents:get', { id: docId }));
    } catch (e) {
      setError(errorOf(e));
    }
  }

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    try {
      await call('documents:delete', { id: deleting.id });
      setDeleting(null);
      await refresh();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  const rows = docs.data ?? [];
  const label = (d: DocumentSummary) => (d.kind === 'attachment' && d.attachmentType ? typeLabel(d.attachmentType) : kindLabel(d.kind));
  return (
    <section className="panel documents-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('documents.title')}</h2>
      {docs.data && rows.length === 0 && <p className="empty">{t('documents.none')}</p>}
      {rows.length > 0 && (
        <table className="simple documents-table" data-testid="documents-list">
          <thead>
            <tr>
              <th scope="col">{t('documents.thumbnail')}</th>
              <th scope="col">{t('documents.kind')}</th>
              <th scope="col">{t('documents.file')}</th>
              <th scope="col">{t('documents.added')}</th>
              <th scope="col">{t('documents.addedBy')}</th>
              <th scope="col">{t('documents.size')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.thumbnail ? (
                    <img className="documents-table__thumb" src={d.thumbnail} alt={`${label(d)} — ${d.fileName}`} />
                  ) : (
                    <span className="badge" aria-hidden="true">
                      {d.mimeType === 'application/pdf' ? 'PDF' : d.fileName.split('.').pop()?.toUpperCase()}
                    </span>
                  )}
                </td>
                <td>{label(d)}</td>
                <td>{d.title || d.fileName}</td>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{d.createdBy ?? t('common.none')}</td>
                <td>{formatBytes(d.sizeBytes)}</td>
                <td className="row">
                  <button type="button" onClick={() => void download(d.id)}>
                    {t('documents.saveCopy')}
                  </button>
                  {canWrite && d.kind === 'attachment' && (
                    <button type="button" className="danger" onClick={() => setDeleting(d)}>
                      {t('documents.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canWrite && (
        <fieldset className="documents-attach">
          <legend>{t('documents.attachTitle')}</legend>
          <div className="form-grid">
            <SelectField label={t('documents.type')} value={type} onChange={setType} emptyLabel={t('common.choose')} options={typeOptions} error={typeError} />
            <div className="field">
              <label htmlFor={`${id}-files`}>{t('documents.files')}</label>
              {pickedByMain() ? (
                <div className="row">
                  <button id={`${id}-files`} type="button" disabled={busy} onClick={() => void chooseWithMain()}>
                    {t('files.choose')}
                  </button>
                  <span className="muted">{chosen.map((f) => f.name).join(', ') || t('files.noneChosen')}</span>
                </div>
              ) : (
                <FileInput id={`${id}-files`} accept={acceptOf('scan')} disabled={busy} chosen={chosen.map((f) => f.name).join(', ')} onFiles={(files) => void chooseInBrowser(files)} />
              )}
              <p className="field__hint">{t('files.limit', { megabytes: limitOf('scan') })}</p>
            </div>
          </div>
          {refusals.length > 0 && (
            <ul className="field__error documents-refusals" role="alert">
              {refusals.map((f, i) => (
                <li key={i}>{f.key === 'fileTooLarge' ? `${String(f.params?.name ?? '')}: ${t('validation.fileTooLarge', f.params ?? {})}` : t(`validation.${f.key}`, f.params ?? {})}</li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void attach(chosen)}>
              {busy ? t('documents.attaching') : t('documents.attach')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                // The photo is stored as soon as it is taken: its type is asked first.
                if (!type) setTypeError({ path: 'type', key: 'required' });
                else setCamera(true);
              }}
            >
              {t('documents.camera')}
            </button>
          </div>
        </fieldset>
      )}

      {consent && canWrite && 'clientId' in owner && (
        <div className="documents-consent">
          <h3>{t('documents.consentTitle')}</h3>
          <div className="actions">
            <button type="button" onClick={() => void printConsent('tg')}>
              {t('documents.printConsent', { language: t('language.tg') })}
            </button>
            <button type="button" onClick={() => void printConsent('ru')}>
              {t('documents.printConsent', { language: t('language.ru') })}
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={error} />

      <CameraDialog
        open={camera}
        onClose={() => setCamera(false)}
        onCapture={(photo) => {
          setCamera(false);
          void attach([{ name: photo.name, size: Math.floor((photo.base64.length * 3) / 4), payload: { base64: photo.base64 } }]);
        }}
      />
      <ConfirmDialog open={deleting !== null} title={t('documents.deleteTitle')} confirmLabel={t('documents.delete')} danger busy={busy} onConfirm={() => void remove()} onCancel={() => setDeleting(null)}>
        <p>{t('documents.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
