import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/api/securityTypes';
import type { AppStatus } from '../../../../shared/api/types';
import type { ErrorInfo, FieldError } from '../../../../shared/api/errors';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes, formatDateTime } from '../../format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { STATUS_KEY, useSetStatus } from '../../hooks/useAppStatus';
import { rememberRestore } from '../UnlockScreen';
import { KeyRotationPanel } from './KeyRotationPanel';

export function BackupsPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setStatus = useSetStatus();
  const list = useQuery({ queryKey: ['backups:list'], queryFn: () => call('backups:list', {}) });
  const [busy, setBusy] = useState(false);
  // The name of the backup just made; its sentence is worded at render time, in the current language.
  const [made, setMade] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  // A backup made under an earlier database key opens only with an administrator's passphrase of its own.
  const [asked, setAsked] = useState<FieldError | null>(null);
  const [username, setUsername] = useState(() => client.getQueryData<AppStatus>(STATUS_KEY)?.user?.username ?? '');
  const [passphrase, setPassphrase] = useState('');

  function closeRestore() {
    setRestoring(null);
    setAsked(null);
    setPassphrase('');
  }

  async function restore(name: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await call('backups:restore', { name, ...(asked ? { username, passphrase } : {}) });
      closeRestore();
      rememberRestore(result.usersWithoutSlot);
      setStatus(result.status);
    } catch (e) {
      const info = e instanceof ApiError && 'code' in e.info && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : null;
      const field = info?.fields?.find((f) => f.path === 'passphrase' || f.path === 'username');
      setPassphrase('');
      if (field) setAsked(field);
      else {
        closeRestore();
        setError(info ?? { code: 'INTERNAL', message: '' });
      }
    } finally {
      setBusy(false);
    }
  }

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError && 'code' in e.info && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <h2>{t('security.backups.title')}</h2>
      <p className="muted">{t('security.backups.intro')}</p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={async () => {
          const b = await run(() => call('backups:create', {}));
          if (b) {
            setMade(b.name);
            await client.invalidateQueries({ queryKey: ['backups:list'] });
          }
        }}
      >
        {t('security.backups.create')}
      </button>
      {made && <p role="status">{t('security.backups.created', { name: made })}</p>}
      <ErrorMessage error={error} />
      {list.data?.length === 0 && <p>{t('security.backups.none')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('security.backups.when')}</th>
            <th scope="col">{t('security.backups.reason')}</th>
            <th scope="col">{t('security.backups.size')}</th>
            <th scope="col">
              <span className="sr-only">{t('security.backups.restore')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((b) => (
            <tr key={b.name}>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{t(`security.backups.reasons.${b.reason as 'daily'}`)}</td>
              <td>{formatBytes(b.sizeBytes)}</td>
              <td>
                <button type="button" onClick={() => setRestoring(b)} disabled={busy}>
                  {t('security.backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={restoring !== null}
        danger
        busy={busy}
        title={t('security.backups.restore')}
        confirmLabel={t('security.backups.restore')}
        onCancel={closeRestore}
        onConfirm={() => void restore(restoring!.name)}
      >
        {restoring && <p>{t('security.backups.confirmRestore', { when: formatDateTime(restoring.createdAt) })}</p>}
        {asked && (
          <>
            <Field label={t('security.backups.restoreUser')} value={username} onChange={setUsername} autoComplete="off" />
            <Field label={t('security.backups.restorePassphrase')} type="password" value={passphrase} onChange={setPassphrase} error={asked} autoComplete="off" autoFocus />
          </>
        )}
      </ConfirmDialog>
      <KeyRotationPanel />
    </div>
  );
}
