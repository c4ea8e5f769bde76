import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarRange } from '../../../../shared/api/calendarTypes';
import type { AppStatus } from '../../../../shared/api/types';
import { addDays, addMonths, todayIso, weekOf } from '../../../../shared/domain/dates';
import type { Language } from '../../../../shared/domain/enums';
import { ApiError, call } from '../../api/client';
import { saveFile } from '../../api/files';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/form/SelectField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useMay } from '../../hooks/useMay';
import { href } from '../../router';

type View = 'week' | 'month';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Entries shown in a day of the month view before "+N more" (which opens that week). */
const MONTH_CELL_ENTRIES = 4;

/** The days the view shows: a week (Monday–Sunday), or the six weeks around a month. */
function periodOf(view: View, anchor: string): { from: string; to: string; days: string[] } {
  const from = view === 'week' ? weekOf(anchor).from : weekOf(`${anchor.slice(0, 7)}-01`).from;
  const count = view === 'week' ? 7 : 42;
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return { from, to: days[days.length - 1]!, days };
}

interface Entry {
  key: string;
  kind: 'hearing' | 'task' | 'session';
  sort: string;
  text: string;
  detail: string;
  link: string;
  tone: '' | 'overdue' | 'done';
}

function entriesByDay(data: CalendarRange, t: (k: string) => string): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  const add = (day: string, e: Entry) => map.set(day, [...(map.get(day) ?? []), e]);
  for (const h of data.hearings)
    add(h.date, {
      key: `h-${h.id}`,
      kind: 'hearing',
      sort: `0${h.time || '99:99'}`,
      text: [h.time, t(`enum.caseType.${h.caseType}`)].filter(Boolean).join(' '),
      detail: [h.caseNumber, h.clientName, h.courtName, h.place].filter(Boolean).join(' · '),
      link: href('cases', h.caseId),
      tone: '',
    });
  for (const task of data.tasks)
    add(task.dueOn, {
      key: `t-${task.id}`,
      kind: 'task',
      sort: `1${task.title}`,
      text: task.title,
      detail: [task.caseNumber, task.doneOn ? t('calendar.done') : task.overdue ? t('calendar.overdue') : ''].filter(Boolean).join(' · '),
      link: task.caseId ? href('cases', task.caseId) : '',
      tone: task.doneOn ? 'done' : task.overdue ? 'overdue' : '',
    });
  for (const s of data.sessions)
    add(s.date, { key: `s-${s.id}`, kind: 'session', sort: `2${s.code}`, text: s.code, detail: [s.jamoat, s.village].filter(Boolean).join(', '), link: href('mobileSessions', s.id), tone: '' });
  for (const list of map.values()) list.sort((a, b) => a.sort.localeCompare(b.sort));
  return map;
}

/** Hearings, task deadlines and mobile sessions by week or month, for a lawyer and a contact point. */
export function CalendarScreen({ status }: { status: AppStatus }) {
  const { t, i18n } = useTranslation();
  const may = useMay();
  const notify = useNotice();
  const today = todayIso();
  const role = status.user?.role;
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  // A lawyer opens their own calendar; whoever runs the office, everybody's.
  const [lawyer, setLawyer] = useState(role === 'lawyer' ? (status.user?.id ?? '') : '');
  const [contactPoint, setContactPoint] = useState('');
  const [focused, setFocused] = useState(today);
  const [exportError, setExportError] = useState<ApiError['info'] | null>(null);
  const period = periodOf(view, anchor);
  const lawyers = useQuery({ queryKey: ['calendar:lawyers'], queryFn: () => call('calendar:lawyers', {}) });
  const points = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: false }) });
  const input = { from: period.from, to: period.to, lawyerUserId: lawyer || null, contactPointId: contactPoint || null };
  const q = useQuery({ queryKey: ['calendar:range', input], queryFn: () => call('calendar:range', input) });
  const byDay = q.data ? entriesByDay(q.data, t) : new Map<string, Entry[]>();
  const grid = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    // A day chosen with the keyboard takes the focus once the period it is in is shown.
    if (!moveFocus.current) return;
    moveFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused, period.from]);

  const shift = (step: number) => setAnchor((a) => (view === 'week' ? addDays(a, 7 * step) : addMonths(`${a.slice(0, 7)}-01`, step)));
  const goTo = (day: string) => {
    moveFocus.current = true;
    setFocused(day);
    if (day < period.from || day > period.to || (view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7))) setAnchor(day);
  };
  function onKey(e: KeyboardEvent) {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => (view === 'week' ? addDays(focused, -7) : addMonths(focused, -1)),
      PageDown: () => (view === 'week' ? addDays(focused, 7) : addMonths(focused, 1)),
      Home: () => weekOf(focused).from,
      End: () => weekOf(focused).to,
    };
    const move = moves[e.key];
    if (!move || (e.target as HTMLElement).dataset.day === undefined) return;
    e.preventDefault();
    goTo(move());
  }

  async function exportIcs() {
    setExportError(null);
    try {
      const file = await call('calendar:export', { from: period.from, to: period.to, lawyerUserId: lawyer || null, language: (i18n.language || 'tg') as Language });
      if (await saveFile(file)) notify(t('calendar.exported'));
    } catch (error) {
      setExportError(error instanceof ApiError ? error.info : { code: 'INTERNAL', message: '' });
    }
  }

  const title = view === 'month' ? `${t(`calendar.months.m${anchor.slice(5, 7)}`)} ${anchor.slice(0, 4)}` : t('calendar.period', { from: formatDate(period.from), to: formatDate(period.to) });
  const weeks = Array.from({ length: period.days.length / 7 }, (_, w) => period.days.slice(w * 7, w * 7 + 7));
  const empty = q.data && q.data.hearings.length + q.data.tasks.length + q.data.sessions.length === 0;
  const tabbable = period.days.includes(focused) ? focused : period.days.includes(today) ? today : period.from;

  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          may('calendar:export') && (
            <button type="button" onClick={() => void exportIcs()}>
              {t('calendar.exportIcs')}
            </button>
          )
        }
      />
      <ErrorMessage error={exportError} />
      <div className="filters" role="group" aria-label={t('calendar.filters')}>
        <SelectField label={t('calendar.view')} value={view} onChange={(v) => setView(v as View)} options={[{ value: 'week', label: t('calendar.week') }, { value: 'month', label: t('calendar.month') }]} />
        <SelectField
          label={t('calendar.lawyer')}
          value={lawyer}
          onChange={setLawyer}
          options={(lawyers.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          emptyLabel={t('calendar.allLawyers')}
        />
        <SelectField
          label={t('calendar.contactPoint')}
          value={contactPoint}
          onChange={setContactPoint}
          options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          emptyLabel={t('calendar.allContactPoints')}
        />
      </div>
      <div className="calendar__nav" role="group" aria-label={title}>
        <button type="button" onClick={() => shift(-1)}>
          ← {t('calendar.previous')}
        </button>
        <button type="button" onClick={() => goTo(today)}>
          {t('calendar.today')}
        </button>
        <button type="button" onClick={() => shift(1)}>
          {t('calendar.next')} →
        </button>
        <h2 className="calendar__title" aria-live="polite">
          {title}
        </h2>
      </div>
      <p className="muted small">
        {t('calendar.keyboardHint')} {may('calendar:export') && t('calendar.exportHint')}
      </p>
      {q.error && <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />}
      <table ref={grid} className={`calendar calendar--${view}`} role="grid" aria-label={title} onKeyDown={onKey}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {t(`calendar.weekdays.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const entries = byDay.get(day) ?? [];
                const shown = view === 'month' ? entries.slice(0, MONTH_CELL_ENTRIES) : entries;
                const outside = view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7);
                return (
                  <td
                    key={day}
                    role="gridcell"
                    data-day={day}
                    tabIndex={day === tabbable ? 0 : -1}
                    aria-current={day === today ? 'date' : undefined}
                    aria-label={formatDate(day)}
                    onFocus={(e) => e.target === e.currentTarget && setFocused(day)}
                    className={['calendar__day', day === today ? 'is-today' : '', outside ? 'is-outside' : ''].filter(Boolean).join(' ')}
                  >
                    <div className="calendar__date" aria-hidden="true">
                      {Number(day.slice(8))}
                    </div>
                    <ul className="calendar__entries">
                      {shown.map((e) => (
                        <li key={e.key} className={`calendar__entry calendar__entry--${e.kind} ${e.tone ? `is-${e.tone}` : ''}`}>
                          <span className="calendar__kind">{t(`calendar.${e.kind}`)}</span>{' '}
                          {e.link ? <a href={e.link}>{e.text}</a> : <span>{e.text}</span>}
                          {e.detail && <div className="calendar__detail">{e.detail}</div>}
                        </li>
                      ))}
                    </ul>
                    {entries.length > shown.length && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setView('week');
                          setAnchor(day);
                          setFocused(day);
                        }}
                      >
                        {t('calendar.more', { count: entries.length - shown.length })}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {empty && <p className="empty">{t('calendar.nothing')}</p>}
    </section>
  );
}
