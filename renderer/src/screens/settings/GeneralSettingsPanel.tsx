import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

export function GeneralSettingsPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings:get'], queryFn: () => call('settings:get', {}) });
  const form = useApiForm('settings:save');
  const [idle, setIdle] = useState('');
  const [retention, setRetention] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setIdle(String(settings.data.idleLockMinutes));
      setRetention(String(settings.data.retentionYears));
    }
  }, [settings.data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const result = await form.submit({ idleLockMinutes: Number(idle), retentionYears: Number(retention) });
    if (result) {
      client.setQueryData(['settings:get'], result);
      setSaved(true);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form-narrow">
      <Field label={t('security.general.idleLockMinutes')} inputMode="numeric" value={idle} onChange={setIdle} error={form.fieldErrors.idleLockMinutes} />
      <Field label={t('security.general.retentionYears')} inputMode="numeric" value={retention} onChange={setRetention} error={form.fieldErrors.retentionYears} />
      <FormErrorSummary form={form} />
      {saved && <p role="status">{t('security.general.saved')}</p>}
      <button type="submit" className="primary" disabled={form.busy}>
        {t('security.general.save')}
      </button>
    </form>
  );
}
