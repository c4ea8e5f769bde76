import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/caseTypes';
import { todayIso } from '../../../../shared/domain/dates';
import { CASE_STATUSES, type CaseStatus } from '../../../../shared/domain/enums';
import { formatSomoni } from '../../../../shared/domain/money';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Hearings, Tasks } from './CaseWork';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { SensitiveMark } from '../../components/SensitiveMark';
import { ConsultationTable } from '../../components/RecordTables';
import { formatDate, fullName } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { href } from '../../router';
import { useMay } from '../../hooks/useMay';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { CaseTransfers } from './CaseTransfer';

/** One case: status workflow with history and next steps, court, respondent, hearings, tasks, outcome. */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const may = useMay();
  const districtName = useDistrictName();
  const statusLabel = useEnumLabel('caseStatus');
  const q = useQuery({ queryKey: ['cases:get', id], queryFn: () => call('cases:get', { id }) });
  const [moveTo, setMoveTo] = useState<CaseStatus | null>(null);
  if (q.isPending) return <p>{t('app.loading')}</p>;
  if (q.error) return <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />;
  const d = q.data;
  const c = d.case;
  const current = CASE_STATUSES.indexOf(c.status);
  const somoni = (diram: number | null) => (diram === null ? '' : t('common.somoni', { amount: formatSomoni(diram) }));

  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={`${t('cases.caseNo', { number: c.number })} · ${t(`enum.caseType.${c.caseType}`)}`}
        back={{ href: href('cases'), label: t('cases.title') }}
        subtitle={
          <>
            <a href={href('clients', c.clientId)}>{fullName(d.client)}</a> · {t('cases.openedOn')} {formatDate(c.openedOn)}
            {c.sensitive && <span className="badge badge--danger">{t('protection.marked', { kind: t(`enum.sensitive.${c.sensitive}`) })}</span>}
          </>
        }
        actions={
          <>
            {may('filings:save') && (
              <a className="button" href={`#/filings/new/${id}`}>
                {t('filings.prepare')}
              </a>
            )}
            {may('cases:save') && (
              <a className="button" href={href('cases', id, 'edit')}>
                {t('common.edit')}
              </a>
            )}
          </>
        }
      />
      <section className="panel" aria-labelledby="k-status">
        <h2 id="k-status">{t('cases.workflow')}</h2>
        <ol className="workflow" aria-label={t('cases.workflow')}>
          {CASE_STATUSES.map((s, i) => (
            <li key={s} className={i === current ? 'is-current' : i < current ? 'is-done' : ''} aria-current={i === current ? 'step' : undefined}>
              {statusLabel(s)}
            </li>
          ))}
        </ol>
        {d.allowedNext.length > 0 && may('cases:setStatus') && (
          <div className="actions" role="group" aria-label={t('cases.nextSteps')}>
            <span className="muted">{t('cases.nextSteps')}:</span>
            {d.allowedNext.map((s) => (
              <button key={s} type="button" className={s === 'closed' ? '' : 'primary'} onClick={() => setMoveTo(s)}>
                {statusLabel(s)}
              </button>
            ))}
          </div>
        )}
        <h3>{t('cases.history')}</h3>
        <ul className="list-plain">
          {d.history.map((h) => (
            <li key={h.id}>
              <strong>{formatDate(h.changedOn)}</strong> — {statusLabel(h.status)}
              {h.note && <span className="muted"> · {h.note}</span>}
            </li>
          ))}
        </ul>
      </section>
      <div className="cards">
        <section className="panel" aria-labelledby="k-court">
          <h2 id="k-court">{t('cases.court')}</h2>
          <dl className="facts">
            <dt>{t('cases.courtName')}</dt>
            <dd>{[c.courtName, districtName(c.courtDistrictId)].filter(Boolean).join(', ') || t('common.none')}</dd>
            <dt>{t('cases.courtCaseNumber')}</dt>
            <dd>{c.courtCaseNumber || t('common.none')}</dd>
            <dt>{t('cases.judge')}</dt>
            <dd>{c.judge || t('common.none')}</dd>
            <dt>{t('cases.responsible')}</dt>
            <dd>{c.responsibleName || t('common.none')}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="k-resp">
          <h2 id="k-resp">{t('cases.respondent')}</h2>
          <dl className="facts">
            <dt>{t('cases.respondentName')}</dt>
            <dd>{c.respondentName || t('common.none')}</dd>
            <dt>{t('cases.respondentBirthDate')}</dt>
            <dd>{formatDate(c.respondentBirthDate) || t('common.none')}</dd>
            <dt>{t('cases.respondentAddress')}</dt>
            <dd>{c.respondentAddress || t('common.none')}</dd>
            <dt>{t('cases.respondentWhereabouts')}</dt>
            <dd>{c.respondentWhereabouts || t('common.none')}</dd>
            <dt>{t('protection.respondentPhone')}</dt>
            <dd>{c.respondentPhone || t('common.none')}</dd>
          </dl>
          {c.conflictNote && <p className="small muted">{t('protection.conflictNote', { note: c.conflictNote })}</p>}
        </section>
        <section className="panel" aria-labelledby="k-outcome">
          <h2 id="k-outcome">{t('cases.amounts')}</h2>
          <dl className="facts">
            <dt>{t('cases.outcome')}</dt>
            <dd>{c.outcome ? t(`enum.caseOutcome.${c.outcome}`) : t('common.none')}</dd>
            <dt>{t('cases.monthlyAlimony')}</dt>
            <dd>{somoni(c.monthlyAlimonyDiram) || t('common.none')}</dd>
            <dt>{t('cases.arrearsRecovered')}</dt>
            <dd>{somoni(c.arrearsRecoveredDiram) || t('common.none')}</dd>
            <dt>{t('cases.closedOn')}</dt>
            <dd>{formatDate(c.closedOn) || t('common.none')}</dd>
          </dl>
        </section>
      </div>
      <CaseTransfers detail={d} />
      <Hearings detail={d} />
      <Tasks detail={d} />
      <section className="panel" aria-labelledby="k-cons">
        <h2 id="k-cons">{t('clients.consultations')}</h2>
        <ConsultationTable rows={d.consultations} />
      </section>
      <DocumentsPanel owner={{ caseId: c.id }} />
      {c.notes && (
        <section className="panel">
          <h2>{t('cases.notes')}</h2>
          <p>{c.notes}</p>
        </section>
      )}
      <SensitiveMark key={c.sensitive ?? ''} of="case" id={c.id} value={c.sensitive} />
      {moveTo && <StatusDialog detail={d} to={moveTo} onClose={() => setMoveTo(null)} />}
    </section>
  );
}

function StatusDialog({ detail, to, onClose }: { detail: CaseDetail; to: CaseStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const outcomes = useEnumOptions('caseOutcome');
  const form = useApiForm('cases:setStatus');
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  async function confirm() {
    const saved = await form.submit({ id: detail.case.id, status: to, on, note, outcome: (outcome || null) as never });
    if (!saved) return;
    qc.setQueryData(['cases:get', detail.case.id], saved);
    void qc.invalidateQueries({ queryKey: ['cases:list'] });
    void qc.invalidateQueries({ queryKey: ['dashboard:summary'] });
    notify(t('common.saved'));
    onClose();
  }
  return (
    <ConfirmDialog open title={t('cases.statusConfirm', { status: t(`enum.caseStatus.${to}`) })} confirmLabel={t('common.save')} busy={form.busy} onCancel={onClose} onConfirm={() => void confirm()}>
      <DateField label={t('cases.statusDate')} value={on} onChange={setOn} error={form.fieldErrors.on} />
      {to === 'closed' && <SelectField label={t('cases.outcome')} value={outcome} onChange={setOutcome} options={outcomes} emptyLabel={t('common.choose')} error={form.fieldErrors.outcome} required />}
      <TextAreaField label={t('cases.statusNote')} value={note} onChange={setNote} error={form.fieldErrors.note} rows={2} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}
