import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

export function PasswordPanel() {
  const { t } = useTranslation();
  const form = useApiForm('login:changePassword');
  const [values, setValues] = useState({ current: '', password: '', passwordConfirm: '' });
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (await form.submit(values)) {
      setValues({ current: '', password: '', passwordConfirm: '' });
      setDone(true);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form-narrow">
      <h2>{t('security.password.title')}</h2>
      <Field type="password" label={t('security.password.current')} value={values.current} onChange={set('current')} error={form.fieldErrors.current} autoComplete="current-password" />
      <Field type="password" label={t('security.password.new')} value={values.password} onChange={set('password')} error={form.fieldErrors.password} autoComplete="new-password" />
      <Field type="password" label={t('security.password.confirm')} value={values.passwordConfirm} onChange={set('passwordConfirm')} error={form.fieldErrors.passwordConfirm} autoComplete="new-password" />
      <FormErrorSummary form={form} />
      {done && <p role="status">{t('security.password.changed')}</p>}
      <button type="submit" className="primary" disabled={form.busy}>
        {t('security.password.submit')}
      </button>
    </form>
  );
}
