import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { saveFile } from '../../api/files';
import { Field } from '../../components/Field';

/** The audit log for administrators: newest first, the state of the hash chain, CSV export. */
export function AuditPanel() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const page = useQuery({ queryKey: ['audit:list', action], queryFn: () => call('audit:list', { limit: 200, ...(action ? { action } : {}) }) });

  async function exportCsv() {
    const file = await call('audit:export', {});
    await saveFile(file);
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
        <Field label={t('security.audit.filterAction')} value={action} onChange={setAction} />
        <button type="button" onClick={() => void exportCsv()}>
          {t('security.audit.export')}
        </button>
      </div>
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
              <td>{new Date(r.at).toLocaleString()}</td>
              <td>{r.username}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>
                {r.entity}
                {r.entityId ? <span className="muted small"> {r.entityId.slice(0, 8)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
