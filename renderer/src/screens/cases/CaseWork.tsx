import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Hearing, Task } from '../../../../shared/api/caseTypes';
import type { AppStatus } from '../../../../shared/api/types';
import { todayIso } from '../../../../shared/domain/dates';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DateField } from '../../components/form/DateField';
import { SelectField, type Option } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { formatDate, formatDateTime } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { STATUS_KEY } from '../../hooks/useAppStatus';
import { useMay } from '../../hooks/useMay';

// The hearings and tasks of a case: added, then edited, postponed (the earlier dates stay listed under
// the current one), done and undone, or removed with a reason (listed under the table).

/** After a change to a case: the case page, the start page (today's hearings, overdue tasks) and the calendar read again. */
export function useRefresh(caseId: string) {
  const qc = useQueryClient();
  return async (detail?: CaseDetail) => {
    if (detail) qc.setQueryData(['cases:get', caseId], detail);
    else await qc.invalidateQueries({ queryKey: ['cases:get', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases:list'] });
    void qc.invalidateQueries({ queryKey: ['dashboard:summary'] });
    void qc.invalidateQueries({ queryKey: ['calendar:range'] });
    void qc.invalidateQueries({ queryKey: ['calendar:reminders'] });
  };
}

/** A small button of a table row: its visible word, and a name that says which row it acts on. */
function RowAction({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="small" aria-label={name} onClick={onClick}>
      {label}
    </button>
  );
}

/** A dialog's save done: say so, show the case as it now is, close. */
function useFinish(caseId: string, onClose: () => void) {
  const notify = useNotice();
  const refresh = useRefresh(caseId);
  return async (message: string, detail?: CaseDetail) => {
    notify(message);
    await refresh(detail);
    onClose();
  };
}

const when = (date: string, time: string) => [formatDate(date), time].filter(Boolean).join(' ');

type HearingAction = { kind: 'edit' | 'postpone' | 'remove'; hearing: Hearing };

export function Hearings({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = useMay();
  const notify = useNotice();
  const refresh = useRefresh(detail.case.id);
  const form = useApiForm('cases:saveHearing');
  const empty = { date: '', time: '', place: '', result: '' };
  const [v, setV] = useState(empty);
  const [action, setAction] = useState<HearingAction | null>(null);
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ caseId: detail.case.id, ...v });
    if (!saved) return;
    setV(empty);
    notify(t('common.saved'));
    await refresh();
  }
  const today = todayIso();
  const canEdit = may('cases:saveHearing');
  const canPostpone = may('cases:postponeHearing');
  const canRemove = may('cases:removeHearing');
  const close = () => setAction(null);
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
              {(canEdit || canPostpone || canRemove) && <th scope="col">{t('cases.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {detail.hearings.map((h) => {
              const earlier = detail.postponements.filter((p) => p.hearingId === h.id);
              const date = formatDate(h.date);
              return (
                <tr key={h.id}>
                  <td>
                    {date} {h.date === today && <span className="badge badge--warn">{t('cases.today')}</span>}
                    {earlier.length > 0 && (
                      <ul className="earlier">
                        {earlier.map((p) => (
                          <li key={p.id}>{t('cases.postponedFrom', { when: when(p.fromDate, p.fromTime), reason: p.reason })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{h.time}</td>
                  <td>{h.place}</td>
                  <td>{h.result}</td>
                  {(canEdit || canPostpone || canRemove) && (
                    <td>
                      <div className="row-actions">
                        {canEdit && (
                          <RowAction label={t('cases.edit')} name={t('cases.hearingEditOf', { date })} onClick={() => setAction({ kind: 'edit', hearing: h })} />
                        )}
                        {canPostpone && !h.result && (
                          <RowAction label={t('cases.postpone')} name={t('cases.hearingPostponeOf', { date })} onClick={() => setAction({ kind: 'postpone', hearing: h })} />
                        )}
                        {canRemove && (
                          <RowAction label={t('cases.remove')} name={t('cases.hearingRemoveOf', { date })} onClick={() => setAction({ kind: 'remove', hearing: h })} />
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canEdit && (
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
      <RemovedList
        label={t('cases.removedHearings', { n: detail.removedHearings.length })}
        items={detail.removedHearings.map((r) => ({ id: r.item.id, text: [when(r.item.date, r.item.time), r.item.place].filter(Boolean).join(', '), reason: r.reason, removedAt: r.removedAt }))}
      />
      {action?.kind === 'edit' && <HearingDialog detail={detail} hearing={action.hearing} onClose={close} />}
      {action?.kind === 'postpone' && <PostponeDialog detail={detail} hearing={action.hearing} onClose={close} />}
      {action?.kind === 'remove' && (
        <RemoveDialog
          channel="cases:removeHearing"
          caseId={detail.case.id}
          id={action.hearing.id}
          title={t('cases.removeHearingTitle', { date: formatDate(action.hearing.date) })}
          onClose={close}
        />
      )}
    </section>
  );
}

/** The result, place and notes of a hearing (its date moves only by a postponement, which keeps the earlier one). */
function HearingDialog({ detail, hearing, onClose }: { detail: CaseDetail; hearing: Hearing; onClose: () => void }) {
  const { t } = useTranslation();
  const finish = useFinish(detail.case.id, onClose);
  const form = useApiForm('cases:saveHearing');
  const [v, setV] = useState({ place: hearing.place, result: hearing.result, notes: hearing.notes });
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  async function save() {
    const saved = await form.submit({ id: hearing.id, caseId: detail.case.id, date: hearing.date, time: hearing.time, ...v });
    if (saved) await finish(t('common.saved'));
  }
  return (
    <ConfirmDialog open enterConfirms title={t('cases.hearingEditTitle', { date: when(hearing.date, hearing.time) })} confirmLabel={t('common.save')} busy={form.busy} onCancel={onClose} onConfirm={() => void save()}>
      <Field label={t('cases.hearingResult')} value={v.result} onChange={set('result')} error={form.fieldErrors.result} />
      <Field label={t('cases.hearingPlace')} value={v.place} onChange={set('place')} error={form.fieldErrors.place} />
      <TextAreaField label={t('cases.hearingNotes')} value={v.notes} onChange={set('notes')} error={form.fieldErrors.notes} rows={2} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}

function PostponeDialog({ detail, hearing, onClose }: { detail: CaseDetail; hearing: Hearing; onClose: () => void }) {
  const { t } = useTranslation();
  const finish = useFinish(detail.case.id, onClose);
  const form = useApiForm('cases:postponeHearing');
  const [v, setV] = useState({ date: '', time: hearing.time, reason: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  async function save() {
    const saved = await form.submit({ id: hearing.id, caseId: detail.case.id, ...v });
    if (saved) await finish(t('cases.postponed'), saved);
  }
  const date = formatDate(hearing.date);
  return (
    <ConfirmDialog open enterConfirms title={t('cases.hearingPostponeOf', { date })} confirmLabel={t('cases.postpone')} busy={form.busy} onCancel={onClose} onConfirm={() => void save()}>
      <DateField label={t('cases.newDate')} value={v.date} onChange={set('date')} error={form.fieldErrors.date} />
      <Field label={t('cases.newTime')} value={v.time} onChange={set('time')} error={form.fieldErrors.time} placeholder="09:30" inputMode="numeric" />
      <Field label={t('cases.postponeReason')} value={v.reason} onChange={set('reason')} error={form.fieldErrors.reason} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}

/** Removes a hearing or a task of the case after asking why; the reason stays listed with the removed item. */
function RemoveDialog({ channel, caseId, id, title, onClose }: { channel: 'cases:removeHearing' | 'cases:removeTask'; caseId: string; id: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const finish = useFinish(caseId, onClose);
  const form = useApiForm(channel);
  const [reason, setReason] = useState('');
  async function remove() {
    const saved = await form.submit({ id, caseId, reason });
    if (saved) await finish(t('cases.removed'), saved);
  }
  return (
    <ConfirmDialog open enterConfirms danger title={title} confirmLabel={t('cases.remove')} busy={form.busy} onCancel={onClose} onConfirm={() => void remove()}>
      <Field label={t('cases.removeReason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}

function RemovedList({ label, items }: { label: string; items: Array<{ id: string; text: string; reason: string; removedAt: string }> }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <details className="small">
      <summary>{label}</summary>
      <ul className="list-plain">
        {items.map((r) => (
          <li key={r.id}>
            <span className="muted">{r.text}</span> — {r.reason} <span className="muted">({t('cases.removedOn', { date: formatDateTime(r.removedAt) })})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Whom a task can be given to: nobody, the signed-in user, and staff with an account. */
function useAssignees(): Option[] {
  const { t } = useTranslation();
  const me = useQueryClient().getQueryData<AppStatus>(STATUS_KEY)?.user;
  const staff = useQuery({ queryKey: ['staff:list', 'accounts'], queryFn: () => call('staff:list', { includeInactive: false }) });
  const options: Option[] = me ? [{ value: me.id, label: t('cases.me', { name: me.displayName }) }] : [];
  for (const s of staff.data ?? []) if (s.userId && s.userId !== me?.id && !options.some((o) => o.value === s.userId)) options.push({ value: s.userId, label: s.fullName });
  return options;
}

type TaskAction = { kind: 'edit' | 'remove'; task: Task };

export function Tasks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = useMay();
  const notify = useNotice();
  const refresh = useRefresh(detail.case.id);
  const form = useApiForm('cases:saveTask');
  const assignees = useAssignees();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<ApiError['info'] | null>(null);
  const [action, setAction] = useState<TaskAction | null>(null);
  const today = todayIso();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ caseId: detail.case.id, title, dueOn });
    if (!saved) return;
    setTitle('');
    setDueOn('');
    notify(t('common.saved'));
    await refresh();
  }
  async function toggle(id: string, done: boolean) {
    setError(null);
    try {
      await call('cases:completeTask', { id, done });
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    }
  }
  const canEdit = may('cases:saveTask');
  const canRemove = may('cases:removeTask');
  const assigneeName = (id: string | null) => assignees.find((o) => o.value === id)?.label ?? '';
  const close = () => setAction(null);
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
              <th scope="col">{t('cases.taskAssignee')}</th>
              <th scope="col">{t('cases.taskDone')}</th>
              {(canEdit || canRemove) && <th scope="col">{t('cases.actions')}</th>}
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
                  <td>{assigneeName(task.assigneeUserId)}</td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" checked={!!task.doneOn} disabled={!may('cases:completeTask')} onChange={(e) => void toggle(task.id, e.target.checked)} />
                      <span>{task.doneOn ? formatDate(task.doneOn) : t('cases.markDone')}</span>
                    </label>
                  </td>
                  {(canEdit || canRemove) && (
                    <td>
                      <div className="row-actions">
                        {canEdit && (
                          <RowAction label={t('cases.edit')} name={t('cases.taskEditOf', { title: task.title })} onClick={() => setAction({ kind: 'edit', task })} />
                        )}
                        {canRemove && (
                          <RowAction label={t('cases.remove')} name={t('cases.taskRemoveOf', { title: task.title })} onClick={() => setAction({ kind: 'remove', task })} />
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorMessage error={error} />
      {canEdit && (
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
      <RemovedList
        label={t('cases.removedTasks', { n: detail.removedTasks.length })}
        items={detail.removedTasks.map((r) => ({ id: r.item.id, text: r.item.title, reason: r.reason, removedAt: r.removedAt }))}
      />
      {action?.kind === 'edit' && <TaskDialog caseId={detail.case.id} task={action.task} assignees={assignees} onClose={close} />}
      {action?.kind === 'remove' && (
        <RemoveDialog channel="cases:removeTask" caseId={detail.case.id} id={action.task.id} title={t('cases.removeTaskTitle', { title: action.task.title })} onClose={close} />
      )}
    </section>
  );
}

function TaskDialog({ caseId, task, assignees, onClose }: { caseId: string; task: Task; assignees: Option[]; onClose: () => void }) {
  const { t } = useTranslation();
  const finish = useFinish(caseId, onClose);
  const form = useApiForm('cases:saveTask');
  const [v, setV] = useState({ title: task.title, dueOn: task.dueOn ?? '', assigneeUserId: task.assigneeUserId ?? '' });
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  // A task given to an account this list does not know (another installation's) keeps it.
  const options = v.assigneeUserId && !assignees.some((o) => o.value === v.assigneeUserId) ? [...assignees, { value: v.assigneeUserId, label: v.assigneeUserId }] : assignees;
  async function save() {
    const saved = await form.submit({ id: task.id, caseId, title: v.title, dueOn: v.dueOn, assigneeUserId: v.assigneeUserId });
    if (saved) await finish(t('common.saved'));
  }
  return (
    <ConfirmDialog open enterConfirms title={t('cases.taskEditTitle')} confirmLabel={t('common.save')} busy={form.busy} onCancel={onClose} onConfirm={() => void save()}>
      <Field label={t('cases.taskTitle')} value={v.title} onChange={set('title')} error={form.fieldErrors.title} />
      <DateField label={t('cases.taskDue')} value={v.dueOn} onChange={set('dueOn')} error={form.fieldErrors.dueOn} />
      <SelectField label={t('cases.taskAssignee')} value={v.assigneeUserId} onChange={set('assigneeUserId')} options={options} emptyLabel={t('cases.nobody')} error={form.fieldErrors.assigneeUserId} />
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}
