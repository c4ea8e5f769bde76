import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { GateCard } from '../components/GateCard';
import { useApiForm } from '../hooks/useApiForm';
import { useSetStatus } from '../hooks/useAppStatus';
import { FormErrorSummary } from '../components/FormErrorSummary';
import { DateField } from '../components/form/DateField';
import { DistrictPicker } from '../components/form/DistrictPicker';

/**
 * First start: create the encrypted database and the administrator's account; for a contact point, the
 * contact point itself too, made this installation's own (a mobile team or the hub chooses later).
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const form = useApiForm('login:create');
  const [values, setValues] = useState({ installationName: '', username: '', displayName: '', passphrase: '', passphraseConfirm: '', contactPointCode: '', districtId: '', establishedOn: '' });
  const [isContactPoint, setIsContactPoint] = useState(true);
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { contactPointCode, districtId, establishedOn, ...account } = values;
    const status = await form.submit(isContactPoint ? { ...account, contactPointCode, districtId, establishedOn } : account);
    if (status) setStatus(status);
  }

  return (
    <GateCard>
      <p className="muted">{t('app.tagline')}</p>
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('setup.installationName')} value={values.installationName} onChange={set('installationName')} error={form.fieldErrors.installationName} autoFocus />
        <fieldset className="checkbox-group">
          <legend>{t('setup.kind')}</legend>
          <div className="checkbox-group__items">
            <label className="checkbox">
              <input type="radio" name="installation-kind" checked={isContactPoint} onChange={() => setIsContactPoint(true)} />
              <span>{t('setup.kindContactPoint')}</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="installation-kind" checked={!isContactPoint} onChange={() => setIsContactPoint(false)} />
              <span>{t('setup.kindOther')}</span>
            </label>
          </div>
        </fieldset>
        {isContactPoint && (
          <>
            <Field label={t('setup.contactPointCode')} value={values.contactPointCode} onChange={set('contactPointCode')} error={form.fieldErrors.contactPointCode} hint={t('setup.contactPointCodeHint')} autoComplete="off" spellCheck={false} />
            <DistrictPicker value={values.districtId} onChange={set('districtId')} error={form.fieldErrors.districtId} />
            <DateField label={t('setup.establishedOn')} value={values.establishedOn} onChange={set('establishedOn')} error={form.fieldErrors.establishedOn} hint={t('setup.establishedOnHint')} />
          </>
        )}
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
