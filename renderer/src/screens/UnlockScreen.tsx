import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { GateCard } from '../components/GateCard';
import { useApiForm } from '../hooks/useApiForm';
import { useSetStatus } from '../hooks/useAppStatus';

/**
 * Who unlocked last in this window, in memory only: after a lock the same person types just the
 * passphrase, but no user name is written to disk for whoever finds the laptop.
 */
let lastSessionUser = '';

export function rememberSessionUser(username: string): void {
  lastSessionUser = username;
}

/**
 * After a restore (Settings or recovery), until someone signs in: the users of the restored database
 * who have no slot in its key file, so the administrator who signs in knows whom to give a new password.
 */
let restoredWithout: string[] | null = null;

export function rememberRestore(usersWithoutSlot: string[]): void {
  restoredWithout = usersWithoutSlot;
}

export function UnlockScreen() {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const form = useApiForm('login:unlock');
  const [lastUsername] = useState(lastSessionUser);
  const [username, setUsername] = useState(lastUsername);
  const [passphrase, setPassphrase] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const status = await form.submit({ username, passphrase });
    setPassphrase('');
    if (status) {
      restoredWithout = null;
      setStatus(status);
    }
  }

  return (
    <GateCard>
      <h2>{t('unlock.title')}</h2>
      <p>{t('unlock.intro')}</p>
      {restoredWithout && (
        <div className="alert" role="status">
          <p>{t('unlock.restored')}</p>
          {restoredWithout.length > 0 && <p>{t('unlock.withoutSlot', { names: restoredWithout.join(', ') })}</p>}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('unlock.username')} value={username} onChange={setUsername} error={form.fieldErrors.username} autoComplete="username" autoFocus={!lastUsername} />
        <Field label={t('unlock.passphrase')} type="password" value={passphrase} onChange={setPassphrase} error={form.fieldErrors.passphrase} autoComplete="current-password" autoFocus={!!lastUsername} />
        <ErrorMessage error={form.error} />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t('unlock.unlocking') : t('unlock.submit')}
        </button>
      </form>
    </GateCard>
  );
}
