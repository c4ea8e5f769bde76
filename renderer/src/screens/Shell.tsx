import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { assertNever } from '../../../shared/util/assertNever';
import { ApiError, call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { GlobalSearch } from '../components/GlobalSearch';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useSetStatus } from '../hooks/useAppStatus';
import { keepDraftsNow } from '../hooks/useDraft';
import { useIdleLock } from '../hooks/useIdleLock';
import { useKeepFocusInView } from '../hooks/revealFocused';
import { useRoute, useScrollPerPage, type Route } from '../router';
import { mayCall } from '../../../shared/api/access';
import { hashNamesSection, pageChannel, SECTION_CHANNEL, SECTIONS, START_SECTION } from '../sections';
import { ReminderBanner } from './calendar/MyWork';

// Each section is its own chunk, loaded when first opened: the unlock screen and the first page
// load only their own code (charts, the filing wizard and the rest come when asked for).
const CalendarScreen = lazy(() => import('./calendar/CalendarScreen').then((m) => ({ default: m.CalendarScreen })));
const CasesSection = lazy(() => import('./cases/CasesSection').then((m) => ({ default: m.CasesSection })));
const ClientsSection = lazy(() => import('./clients/ClientsSection').then((m) => ({ default: m.ClientsSection })));
const ConsultationsSection = lazy(() => import('./consultations/ConsultationsSection').then((m) => ({ default: m.ConsultationsSection })));
const ContactPointsSection = lazy(() => import('./contactPoints/ContactPointsSection').then((m) => ({ default: m.ContactPointsSection })));
const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const ExchangeScreen = lazy(() => import('./exchange/ExchangeScreen').then((m) => ({ default: m.ExchangeScreen })));
const FilingsSection = lazy(() => import('./filings/FilingsSection').then((m) => ({ default: m.FilingsSection })));
const MobileSessionsSection = lazy(() => import('./mobileSessions/MobileSessionsSection').then((m) => ({ default: m.MobileSessionsSection })));
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

/** Who had the app open last in this window (the page then open belongs to that user's work). */
let lastUserId: string | null = null;

/** The unlocked app: navigation on the left, search on top, the chosen section on the right. */
export function Shell({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  useIdleLock();
  useKeepFocusInView();
  const route = useRoute();
  const { section } = route;
  const path = route.parts.join('/');
  const role = status.user?.role;
  const offered = SECTIONS.filter((id) => mayCall(role, SECTION_CHANNEL[id]));
  const start = role ? START_SECTION[role] : 'dashboard';
  const otherUser = lastUserId !== null && lastUserId !== status.user?.id;
  const sectionAllowed = offered.includes(section) && hashNamesSection(window.location.hash) && !otherUser;
  // The page itself, not only its section, follows the permission table: a read-only user who types
  // the desk's address gets the section's list, not a form every save of which would be refused.
  const allowed = sectionAllowed && mayCall(role, pageChannel(section, route.parts));
  useScrollPerPage(`${section}/${path}`);
  const [, setShown] = useState(0);

  useEffect(() => {
    // A fresh window, another user at the computer, or an address this role has no use for: the
    // role's own start page. The same user unlocking again goes on where the work was left.
    lastUserId = status.user?.id ?? null;
    if (allowed) return;
    const target = `#/${sectionAllowed ? section : start}`;
    // Already there (another user signs in where the last one left the start page open): no address
    // changes, so draw again now that this user is the one at the computer.
    if (window.location.hash === target) setShown((n) => n + 1);
    else window.location.replace(target);
  }, [allowed, sectionAllowed, section, start, status.user?.id]);

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · ${t('app.name')}`;
  }, [section, t]);

  useEffect(() => {
    // A new page: move focus to its content so keyboard and screen-reader users start there, unless a
    // screen already put the focus on a field of its own.
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [section, path]);

  // Locking closes the database, and waits for a package's merge to finish copying its log into the
  // file (seconds after a national year's import): the button says so meanwhile, and a failure is
  // shown at the top of the page instead of nothing happening.
  const [locking, setLocking] = useState(false);
  const [lockError, setLockError] = useState<ApiError['info'] | null>(null);
  async function lock() {
    setLocking(true);
    setLockError(null);
    try {
      await keepDraftsNow();
      setStatus(await call('login:lock', {}));
    } catch (error) {
      setLockError(error instanceof ApiError ? error.info : { code: 'INTERNAL', message: '' });
    } finally {
      setLocking(false);
    }
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="shell__nav">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {offered.map((id) => (
              <li key={id}>
                <a href={`#/${id}`} aria-current={section === id ? 'page' : undefined}>
                  {t(`nav.${id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell__footer small">
          <div>{t('shell.signedInAs', { name: status.user?.displayName ?? '' })}</div>
          <div className="muted">{t('shell.installation', { name: status.installation?.name ?? '' })}</div>
        </div>
      </aside>
      <div className="shell__body">
        <header className="topbar" data-fixed-bar>
          <GlobalSearch />
          <div className="topbar__end">
            <LanguageSwitcher />
            <button type="button" onClick={() => void lock()} disabled={locking} aria-busy={locking}>
              {t(locking ? 'shell.locking' : 'shell.lock')}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="content">
          <ErrorMessage error={lockError} />
          {allowed && mayCall(role, 'calendar:reminders') && <ReminderBanner key={status.user?.id} />}
          {allowed ? <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>{renderSection(route, status)}</Suspense> : null}
        </main>
      </div>
    </div>
  );
}

function renderSection(route: Route, status: AppStatus) {
  const { section, parts } = route;
  switch (section) {
    case 'dashboard':
      return <DashboardScreen status={status} />;
    case 'settings':
      return <SettingsScreen status={status} />;
    case 'clients':
      return <ClientsSection parts={parts} />;
    case 'consultations':
      return <ConsultationsSection parts={parts} status={status} />;
    case 'cases':
      return <CasesSection parts={parts} status={status} />;
    case 'calendar':
      return <CalendarScreen status={status} />;
    case 'mobileSessions':
      return <MobileSessionsSection parts={parts} status={status} />;
    case 'contactPoints':
      return <ContactPointsSection parts={parts} status={status} />;
    case 'filings':
      return <FilingsSection parts={parts} status={status} />;
    case 'reports':
      return <ReportsScreen status={status} />;
    case 'exchange':
      return <ExchangeScreen status={status} />;
    default:
      return assertNever(section, 'section');
  }
}
