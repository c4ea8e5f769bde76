import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { assertNever } from '../../../shared/util/assertNever';
import { call } from '../api/client';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useSetStatus } from '../hooks/useAppStatus';
import { SECTIONS, sectionFromHash, type SectionId } from '../sections';
import { DashboardScreen } from './DashboardScreen';
import { PlannedSection } from './PlannedSection';
import { SettingsScreen } from './SettingsScreen';

/** The unlocked app: navigation on the left, the chosen section on the right. */
export function Shell({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(window.location.hash));

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · ${t('app.name')}`;
    document.getElementById('main')?.focus();
  }, [section, t]);

  async function lock() {
    setStatus(await call('session:lock', {}));
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
            {SECTIONS.map((id) => (
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
        <header className="topbar">
          <LanguageSwitcher />
          <button type="button" onClick={() => void lock()}>
            {t('shell.lock')}
          </button>
        </header>
        <main id="main" tabIndex={-1} className="content">
          {renderSection(section, status)}
        </main>
      </div>
    </div>
  );
}

function renderSection(section: SectionId, status: AppStatus) {
  switch (section) {
    case 'dashboard':
      return <DashboardScreen status={status} />;
    case 'settings':
      return <SettingsScreen status={status} />;
    case 'clients':
    case 'consultations':
    case 'cases':
    case 'mobileSessions':
    case 'contactPoints':
    case 'filings':
    case 'reports':
    case 'exchange':
      return <PlannedSection section={section} />;
    default:
      return assertNever(section, 'section');
  }
}
