import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { GateCard } from '../components/GateCard';
import { useApiForm } from '../hooks/useApiForm';
import { useSetStatus } from '../hooks/useAppStatus';
import { FormErrorSummary } from '../components/FormErrorSummary';

/** First start: create the encrypted database and the administrator's account. */
export function SetupScreen() {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const form = useApiForm('login:create');
  const [values, setValues] = useState({ installationName: '', username: '', displayName: '', passphrase: '', passphraseConfirm: '' });
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const status = await form.submit(values);
    if (status) setStatus(status);
  }

  return (
    <GateCard>
      <p className="muted">{t('app.tagline')}</p>
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('setup.installationName')} value={values.installationName} onChange={set('installationName')} error={form.fieldErrors.installationName} autoFocus />
        <Field label={t('setup.displayName')} value={values.displayName} onChange={set('displayName')} error={form.fieldErrors.displayName} autoComplete="name" />
        <Field label={t('setup.username')} value={values.username} onChange={set('username')} error={form.fieldErrors.username} autoComplete="username" />
        <Field label={t('setup.passphrase')} type="password" value={values.passphrase} onChange={set('passphrase')} error={form.fieldErrors.passphrase} hint={t('setup.passphraseHint')} autoComplete="new-password" />
        <Field label={t('setup.passphraseConfirm')} type="password" value={values.passphraseConfirm} onChange={set('passphraseConfirm')} error={form.fieldErrors.passphraseConfirm} autoComplete="new-password" />
        <FormErrorSummary form={form} />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t('setup.creating') : t('setup.submit')}
        </button>
      </form>
    </GateCard>
  );
}
