import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarHearing, CalendarReminders, CalendarTask } from '../../../../shared/api/calendarTypes';
import { call } from '../../api/client';
import { formatCount, formatDate } from '../../format';
import { href } from '../../router';

// The signed-in user's own work: a notice when the database is unlocked (today's hearings, overdue
// tasks), and the lists on the start page (overdue tasks, hearings of the next seven days).

const REMINDERS_KEY = ['calendar:reminders'];

function useReminders() {
  return useQuery({ queryKey: REMINDERS_KEY, queryFn: () => call('calendar:reminders', {}) });
}

const pending = (r: CalendarReminders) => r.hearingsToday.length + r.overdueTasks.length + r.hearingsNext7Days.length;

/** Shown once per unlock, above the page, until closed; nothing when there is nothing to remind of. */
export function ReminderBanner() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const q = useReminders();
  if (!open || !q.data || pending(q.data) === 0) return null;
  const r = q.data;
  return (
    <section className="panel reminders" role="region" aria-labelledby="reminders-title">
      <div className="reminders__head">
        <h2 id="reminders-title">{t('reminders.title')}</h2>
        <button type="button" onClick={() => setOpen(false)}>
          {t('reminders.dismiss')}
        </button>
      </div>
      <div className="stat-grid">
        <Count value={r.hearingsToday.length} label={t('reminders.hearingsToday')} />
        <Count value={r.overdueTasks.length} label={t('reminders.overdueTasks')} danger={r.overdueTasks.length > 0} />
        <Count value={r.hearingsNext7Days.length} label={t('reminders.hearingsNext')} />
      </div>
      {r.hearingsToday.length > 0 && <HearingItems rows={r.hearingsToday} />}
      <a href={href('calendar')}>{t('reminders.openCalendar')}</a>
    </section>
  );
}

function Count({ value, label, danger }: { value: number; label: string; danger?: boolean }) {
  return (
    <div className="stat">
      <div className={`stat__value${danger ? ' overdue' : ''}`}>{formatCount(value)}</div>
      <div className="stat__label">{label}</div>
    </div>
  );
}

/** What a list of hearings names: when, whose case (linked), and the case, court, the court's case number and place. */
type HearingLine = Pick<CalendarHearing, 'id' | 'date' | 'time' | 'caseId' | 'clientName' | 'caseType' | 'caseNumber' | 'courtCaseNumber' | 'place'> & { courtName?: string };

/** Hearings one per line (the reminders, my work, the start page's hearings of today and this week). */
export function HearingItems({ rows }: { rows: HearingLine[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('dashboard2.nothing')}</p>;
  return (
    <ul className="list-plain">
      {rows.map((h) => (
        <li key={h.id}>
          <strong>
            {formatDate(h.date)} {h.time}
          </strong>{' '}
          — <a href={href('cases', h.caseId)}>{h.clientName}</a>
          <div className="small muted">{[t(`enum.caseType.${h.caseType}`), h.caseNumber, h.courtName, h.courtCaseNumber, h.place].filter(Boolean).join(' · ')}</div>
        </li>
      ))}
    </ul>
  );
}

function TaskItems({ rows }: { rows: CalendarTask[] }) {
  return (
    <ul className="list-plain">
      {rows.map((task) => (
        <li key={task.id}>
          <span className="overdue">{formatDate(task.dueOn)}</span> — {task.title}
          {task.caseId && (
            <div className="small">
              <a href={href('cases', task.caseId)}>{task.caseNumber}</a>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The start page's "My work": my overdue tasks and my hearings of the next seven days. */
export function MyWorkPanel() {
  const { t } = useTranslation();
  const q = useReminders();
  if (!q.data) return null;
  const r = q.data;
  return (
    <section aria-labelledby="d-mine">
      <h2 id="d-mine">{t('reminders.myWork')}</h2>
      <div className="cards dashboard-cards">
        <section className="panel" aria-labelledby="d-mine-overdue">
          <h3 id="d-mine-overdue">
            {t('reminders.overdueTasks')} ({formatCount(r.overdueTasks.length)})
          </h3>
          {r.overdueTasks.length === 0 ? <p className="empty">{t('reminders.nothing')}</p> : <TaskItems rows={r.overdueTasks} />}
        </section>
        <section className="panel" aria-labelledby="d-mine-next">
          <h3 id="d-mine-next">
            {t('reminders.hearingsNext')} ({formatCount(r.hearingsToday.length + r.hearingsNext7Days.length)})
          </h3>
          <HearingItems rows={[...r.hearingsToday, ...r.hearingsNext7Days]} />
        </section>
      </div>
    </section>
  );
}
