import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/api/errors';
import type { BackupSummary } from '../../../shared/api/securityTypes';
import { call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { GateCard } from '../components/GateCard';
import { useNotice } from '../components/Notice';
import { formatBytes, formatDateTime } from '../format';
import { useApiForm } from '../hooks/useApiForm';
import { useSetStatus } from '../hooks/useAppStatus';
import { rememberRestore } from './UnlockScreen';

/**
 * Shown instead of the unlock screen when the database cannot be opened or failed its integrity check:
 * an administrator puts a backup back with the passphrase that backup knows, and the app returns to
 * the unlock screen. The damaged file is kept aside by the main process, never deleted.
 */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const notify = useNotice();
  const list = useQuery({ queryKey: ['recovery:backups'], queryFn: () => call('recovery:backups', {}) });
  const form = useApiForm('recovery:restore');
  const [chosen, setChosen] = useState<BackupSummary | null>(null);
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [noChoice, setNoChoice] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setNoChoice(!chosen);
    if (!chosen) return;
    const result = await form.submit({ name: chosen.name, username, passphrase });
    setPassphrase('');
    if (result) {
      notify(t('recovery.restored', { when: formatDateTime(chosen.createdAt) }));
      rememberRestore(result.usersWithoutSlot);
      setStatus(result.status);
    }
  }

  const backups = list.data?.backups ?? [];
  return (
    <GateCard>
      <h2>{t('recovery.title')}</h2>
      <p>{t('recovery.intro')}</p>
      <p className="muted small">{t('recovery.kept')}</p>
      {list.isError && <ErrorMessage error={{ code: 'INTERNAL', message: '' }} />}
      {list.data && backups.length === 0 && (
        <>
          <p className="alert">{t('recovery.none', { folder: list.data.folder })}</p>
          <button type="button" onClick={() => void list.refetch()}>
            {t('recovery.reload')}
          </button>
        </>
      )}
      {backups.length > 0 && (
        <form onSubmit={onSubmit} noValidate>
          <fieldset className={`checkbox-group recovery__backups${noChoice ? ' field--invalid' : ''}`}>
            <legend>{t('recovery.backups')}</legend>
            <div className="checkbox-group__items">
              {backups.map((b) => (
                <label key={b.name} className="checkbox">
                  <input type="radio" name="backup" checked={chosen?.name === b.name} onChange={() => setChosen(b)} />
                  <span>
                    {t('recovery.backup', {
                      when: formatDateTime(b.createdAt),
                      reason: t(`security.backups.reasons.${b.reason as 'daily'}`),
                      size: formatBytes(b.sizeBytes),
                    })}
                  </span>
                </label>
              ))}
            </div>
            {noChoice && (
              <p className="field__error" role="alert">
                {t('recovery.choose')}
              </p>
            )}
          </fieldset>
          <p>{t('recovery.admin')}</p>
          <Field label={t('recovery.username')} value={username} onChange={setUsername} error={form.fieldErrors.username} autoComplete="username" />
          <Field label={t('recovery.passphrase')} type="password" value={passphrase} onChange={setPassphrase} error={form.fieldErrors.passphrase} autoComplete="current-password" />
          <RestoreError error={form.error} />
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? t('recovery.restoring') : t('recovery.submit')}
          </button>
        </form>
      )}
    </GateCard>
  );
}

/** The refusals a restore can meet, in the terms of this screen; other errors as everywhere. */
function RestoreError({ error }: { error: ErrorInfo | { code: 'NETWORK'; message: string } | null }) {
  const { t } = useTranslation();
  if (error?.code === 'FORBIDDEN' || error?.code === 'DATABASE_CORRUPT') {
    return (
      <div className="alert alert--error" role="alert">
        {t(error.code === 'FORBIDDEN' ? 'recovery.notAdmin' : 'recovery.backupDamaged')}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
