import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { assertNever } from '../../../shared/util/assertNever';
import { call } from '../api/client';
import { GlobalSearch } from '../components/GlobalSearch';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useSetStatus } from '../hooks/useAppStatus';
import { keepDraftsNow } from '../hooks/useDraft';
import { useIdleLock } from '../hooks/useIdleLock';
import { useKeepFocusInView } from '../hooks/revealFocused';
import { useRoute, type Route } from '../router';
import { mayCall } from '../../../shared/api/access';
import { hashNamesSection, SECTION_CHANNEL, SECTIONS, START_SECTION } from '../sections';
import { CalendarScreen } from './calendar/CalendarScreen';
import { ReminderBanner } from './calendar/MyWork';
import { CasesSection } from './cases/CasesSection';
import { ClientsSection } from './clients/ClientsSection';
import { ConsultationsSection } from './consultations/ConsultationsSection';
import { ContactPointsSection } from './contactPoints/ContactPointsSection';
import { DashboardScreen } from './DashboardScreen';
import { ExchangeScreen } from './exchange/ExchangeScreen';
import { FilingsSection } from './filings/FilingsSection';
import { MobileSessionsSection } from './mobileSessions/MobileSessionsSection';
import { ReportsScreen } from './reports/ReportsScreen';
import { SettingsScreen } from './settings/SettingsScreen';

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
  const allowed = offered.includes(section) && hashNamesSection(window.location.hash) && !otherUser;
  const [, setShown] = useState(0);

  useEffect(() => {
    // A fresh window, another user at the computer, or an address this role has no use for: the
    // role's own start page. The same user unlocking again goes on where the work was left.
    lastUserId = status.user?.id ?? null;
    if (allowed) return;
    // Already at the start page (another user signs in where the last one left the start page open): no
    // address changes, so draw again now that this user is the one at the computer.
    if (window.location.hash === `#/${start}`) setShown((n) => n + 1);
    else window.location.replace(`#/${start}`);
  }, [allowed, start, status.user?.id]);

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · ${t('app.name')}`;
  }, [section, t]);

  useEffect(() => {
    // A new page: move focus to its content so keyboard and screen-reader users start there, unless a
    // screen already put the focus on a field of its own.
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [section, path]);

  async function lock() {
    await keepDraftsNow();
    setStatus(await call('login:lock', {}));
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
            <button type="button" onClick={() => void lock()}>
              {t('shell.lock')}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="content">
          {allowed && mayCall(role, 'calendar:reminders') && <ReminderBanner key={status.user?.id} />}
          {allowed ? renderSection(route, status) : null}
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
