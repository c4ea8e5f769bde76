import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/caseTypes';
import { todayIso } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { formatDate } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useMay } from '../../hooks/useMay';
import { useRefresh } from './CaseWork';

/** The case's responsible lawyer, its earlier transfers, and handing it to another lawyer with a reason. */
export function CaseTransfers({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = useMay();
  const [open, setOpen] = useState(false);
  const c = detail.case;
  return (
    <section className="panel" aria-labelledby="k-transfer">
      <h2 id="k-transfer">{t('cases.responsible')}</h2>
      <p>
        <strong>{c.responsibleName || t('transfer.nobody')}</strong>{' '}
        {c.status !== 'closed' && may('cases:transfer') && (
          <button type="button" onClick={() => setOpen(true)}>
            {t('transfer.action')}
          </button>
        )}
      </p>
      {detail.transfers.length > 0 && (
        <>
          <h3>{t('transfer.history')}</h3>
          <ul className="list-plain" aria-label={t('transfer.history')}>
            {detail.transfers.map((r) => (
              <li key={r.id}>
                <strong>{formatDate(r.on)}</strong> — {t('transfer.entry', { from: r.fromName || t('transfer.nobody'), to: r.toName || t('transfer.nobody') })}
                {r.reason && <span className="muted"> · {r.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && <TransferDialog detail={detail} onClose={() => setOpen(false)} />}
    </section>
  );
}

function TransferDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const refresh = useRefresh(detail.case.id);
  const form = useApiForm('cases:transfer');
  const lawyers = useQuery({ queryKey: ['calendar:lawyers'], queryFn: () => call('calendar:lawyers', {}) });
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayIso());
  const options = (lawyers.data ?? []).filter((u) => u.active && u.id !== detail.case.responsibleUserId).map((u) => ({ value: u.id, label: u.name }));
  async function confirm() {
    const saved = await form.submit({ id: detail.case.id, toUserId, reason, on });
    if (!saved) return;
    await refresh(saved);
    notify(t('transfer.done'));
    onClose();
  }
  return (
    <ConfirmDialog open title={t('transfer.title')} confirmLabel={t('transfer.title')} busy={form.busy} onCancel={onClose} onConfirm={() => void confirm()}>
      <SelectField label={t('transfer.to')} value={toUserId} onChange={setToUserId} options={options} emptyLabel={t('common.choose')} error={form.fieldErrors.toUserId} required />
      <TextAreaField label={t('transfer.reason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} rows={2} required />
      <DateField label={t('transfer.on')} value={on} onChange={setOn} error={form.fieldErrors.on} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}
