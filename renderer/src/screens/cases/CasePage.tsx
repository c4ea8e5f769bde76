import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/caseTypes';
import { todayIso } from '../../../../shared/domain/dates';
import { CASE_STATUSES, type CaseStatus } from '../../../../shared/domain/enums';
import { formatSomoni } from '../../../../shared/domain/money';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ConsultationTable } from '../../components/RecordTables';
import { formatDate, fullName } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { href } from '../../router';
import { useMay } from '../../hooks/useMay';
import { FormErrorSummary } from '../../components/FormErrorSummary';
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
          </dl>
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
      {c.notes && (
        <section className="panel">
          <h2>{t('cases.notes')}</h2>
          <p>{c.notes}</p>
        </section>
      )}
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

function Hearings({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = useMay();
  const qc = useQueryClient();
  const notify = useNotice();
  const form = useApiForm('cases:saveHearing');
  const empty = { date: '', time: '', place: '', result: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ caseId: detail.case.id, ...v });
    if (!saved) return;
    setV(empty);
    notify(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['cases:get', detail.case.id] });
    void qc.invalidateQueries({ queryKey: ['dashboard:summary'] });
  }
  const today = todayIso();
  return (
    <section className="panel" aria-labelledby="k-hearings">
      <h2 id="k-hearings">{t('cases.hearings')}</h2>
      {detail.hearings.length === 0 ? (
        <p className="empty">{t('cases.noHearings')}</p>
      ) : (
        <table className="simple">
          <thead>
            <tr>
              <th scope="col">{t('cases.hearingDate')}</th>
              <th scope="col">{t('cases.hearingTime')}</th>
              <th scope="col">{t('cases.hearingPlace')}</th>
              <th scope="col">{t('cases.hearingResult')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.hearings.map((h) => (
              <tr key={h.id}>
                <td>
                  {formatDate(h.date)} {h.date === today && <span className="badge badge--warn">{t('cases.today')}</span>}
                </td>
                <td>{h.time}</td>
                <td>{h.place}</td>
                <td>{h.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {may('cases:saveHearing') && (
      <form className="row" onSubmit={onSubmit} noValidate aria-label={t('cases.addHearing')}>
        <DateField label={t('cases.hearingDate')} value={v.date} onChange={set('date')} error={form.fieldErrors.date} />
        <Field label={t('cases.hearingTime')} value={v.time} onChange={set('time')} error={form.fieldErrors.time} placeholder="09:30" inputMode="numeric" />
        <Field label={t('cases.hearingPlace')} value={v.place} onChange={set('place')} error={form.fieldErrors.place} />
        <Field label={t('cases.hearingResult')} value={v.result} onChange={set('result')} error={form.fieldErrors.result} />
        <div className="field">
          <button type="submit" disabled={form.busy}>
            {t('cases.addHearing')}
          </button>
        </div>
      </form>
      )}
      <FormErrorSummary form={form} />
    </section>
  );
}

function Tasks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = useMay();
  const qc = useQueryClient();
  const notify = useNotice();
  const form = useApiForm('cases:saveTask');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<ApiError['info'] | null>(null);
  const today = todayIso();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ caseId: detail.case.id, title, dueOn });
    if (!saved) return;
    setTitle('');
    setDueOn('');
    notify(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['cases:get', detail.case.id] });
  }
  async function toggle(id: string, done: boolean) {
    setError(null);
    try {
      await call('cases:completeTask', { id, done });
      await qc.invalidateQueries({ queryKey: ['cases:get', detail.case.id] });
      void qc.invalidateQueries({ queryKey: ['dashboard:summary'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    }
  }
  return (
    <section className="panel" aria-labelledby="k-tasks">
      <h2 id="k-tasks">{t('cases.tasks')}</h2>
      {detail.tasks.length === 0 ? (
        <p className="empty">{t('cases.noTasks')}</p>
      ) : (
        <table className="simple">
          <thead>
            <tr>
              <th scope="col">{t('cases.taskTitle')}</th>
              <th scope="col">{t('cases.taskDue')}</th>
              <th scope="col">{t('cases.taskDone')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.tasks.map((task) => {
              const overdue = !task.doneOn && !!task.dueOn && task.dueOn < today;
              return (
                <tr key={task.id} className={overdue ? 'is-overdue' : ''}>
                  <td>{task.title}</td>
                  <td className={overdue ? 'overdue' : ''}>
                    {formatDate(task.dueOn)} {overdue && <span className="badge badge--danger">{t('cases.overdue')}</span>}
                  </td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" checked={!!task.doneOn} disabled={!may('cases:completeTask')} onChange={(e) => void toggle(task.id, e.target.checked)} />
                      <span>{task.doneOn ? formatDate(task.doneOn) : t('cases.markDone')}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorMessage error={error} />
      {may('cases:saveTask') && (
      <form className="row" onSubmit={onSubmit} noValidate aria-label={t('cases.addTask')}>
        <Field label={t('cases.taskTitle')} value={title} onChange={setTitle} error={form.fieldErrors.title} />
        <DateField label={t('cases.taskDue')} value={dueOn} onChange={setDueOn} error={form.fieldErrors.dueOn} />
        <div className="field">
          <button type="submit" disabled={form.busy}>
            {t('cases.addTask')}
          </button>
        </div>
      </form>
      )}
      <FormErrorSummary form={form} />
    </section>
  );
}
