import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { saveFile } from '../../api/files';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/form/SelectField';
import { useNotice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { auditActionKey, auditEntityKey } from '../../../../shared/i18n/auditWords';
import { CATALOGS } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/domain/enums';

/** The audit log for administrators: newest first, the state of the hash chain, CSV export. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const page = useQuery({ queryKey: ['audit:list', action], queryFn: () => call('audit:list', { limit: 200, ...(action ? { action } : {}) }) });

  const actionOptions = Object.keys(CATALOGS.en.security.audit.actions)
    .map((a) => ({ value: a, label: t(auditActionKey(a)) }))
    .sort((x, y) => x.label.localeCompare(y.label));

  const notify = useNotice();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError['info'] | null>(null);
  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const file = await call('audit:export', { language: i18n.language as Language });
      if (await saveFile(file)) notify(t('security.audit.exported', { file: file.fileName }));
      // The export is itself an entry of the log: shown at the top at once.
      await queryClient.invalidateQueries({ queryKey: ['audit:list'] });
    } catch (error) {
      setExportError(error instanceof ApiError ? error.info : { code: 'INTERNAL', message: '' });
    } finally {
      setExporting(false);
    }
  }

  return (
    <div>
      <h2>{t('security.audit.title')}</h2>
      <p className="muted">{t('security.audit.intro')}</p>
      {page.data && (
        <p role="status" className={page.data.chainOk ? 'ok-text' : 'alert alert--error'}>
          {page.data.chainOk ? t('security.audit.chainOk') : t('security.audit.chainBroken', { seq: page.data.brokenAt ?? '' })}
        </p>
      )}
      <div className="toolbar">
        <SelectField label={t('security.audit.filterAction')} value={action} onChange={setAction} options={actionOptions} emptyLabel={t('security.audit.allActions')} />
        <button type="button" disabled={exporting} onClick={() => void exportCsv()}>
          {t('security.audit.export')}
        </button>
      </div>
      <ErrorMessage error={exportError} />
      {page.data && <p className="muted small">{t('security.audit.total', { count: page.data.total })}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('security.audit.at')}</th>
            <th scope="col">{t('security.audit.user')}</th>
            <th scope="col">{t('security.audit.action')}</th>
            <th scope="col">{t('security.audit.entity')}</th>
          </tr>
        </thead>
        <tbody>
          {(page.data?.rows ?? []).map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username}</td>
              <td data-action={r.action}>{t(auditActionKey(r.action), { defaultValue: r.action })}</td>
              <td title={r.entityId ?? undefined}>{r.entity ? t(auditEntityKey(r.entity), { defaultValue: r.entity }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
