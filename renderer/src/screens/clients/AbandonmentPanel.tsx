import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbandonmentStatus } from '../../../../shared/api/clientTypes';
import type { AbandonmentReason } from '../../../../shared/domain/abandonment';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { formatDate } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

/** The rule's reason in words, with its dates as dd.mm.yyyy. */
export function useAbandonmentReason(): (reason: AbandonmentReason) => string {
  const { t } = useTranslation();
  return (reason) => {
    const params: Record<string, string> = {};
    for (const [k, val] of Object.entries(reason)) if (k !== 'code') params[k] = formatDate(String(val));
    return t(`abandonment.${reason.code}`, params);
  };
}

export function abandonedWord(t: (k: string) => string, value: boolean | null): string {
  return value === null ? t('abandonment.undecided') : value ? t('abandonment.yes') : t('abandonment.no');
}

/** Computed "abandoned" with the reason in words, and the lawyer's override (a reason is required). */
export function AbandonmentPanel({ clientId, status }: { clientId: string; status: AbandonmentStatus }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const reasonText = useAbandonmentReason();
  const form = useApiForm('clients:setAbandonedOverride');
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(status.override === null ? 'yes' : status.override ? 'yes' : 'no');
  const [reason, setReason] = useState(status.overrideReason);

  async function submit(override: boolean | null) {
    const saved = await form.submit({ clientId, override, reason: override === null ? '' : reason });
    if (!saved) return;
    qc.setQueryData(['clients:get', clientId], saved);
    notify(t('common.saved'));
    setOpen(false);
  }

  const effective = status.effective;
  return (
    <div className={`abandoned-box${effective ? ' abandoned-box--yes' : ''}`}>
      <p>
        <strong>{abandonedWord(t, effective)}</strong>
      </p>
      <p className="small">
        {t('clients.computed')} ({formatDate(status.asOf)}): {abandonedWord(t, status.computed)} — {reasonText(status.reason)}
      </p>
      {status.override !== null && <p className="small">{t('clients.overridden', { value: abandonedWord(t, status.override), reason: status.overrideReason })}</p>}
      <div className="actions">
        <button type="button" className="small" onClick={() => setOpen(true)}>
          {t('clients.override')}
        </button>
        {status.override !== null && (
          <button type="button" className="small" onClick={() => void submit(null)}>
            {t('clients.clearOverride')}
          </button>
        )}
      </div>
      <ConfirmDialog open={open} title={t('clients.overrideTitle')} confirmLabel={t('common.save')} busy={form.busy} onCancel={() => setOpen(false)} onConfirm={() => void submit(value === 'yes')}>
        <SelectField
          label={t('clients.overrideValue')}
          value={value}
          onChange={setValue}
          options={[
            { value: 'yes', label: t('abandonment.yes') },
            { value: 'no', label: t('abandonment.no') },
          ]}
        />
        <TextAreaField label={t('clients.overrideReason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} required />
        <FormErrorSummary form={form} />
      </ConfirmDialog>
    </div>
  );
}
