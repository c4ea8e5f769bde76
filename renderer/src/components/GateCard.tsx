import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The card of the screens before anyone is signed in (setup, unlock, recovery): name, languages, offline note. */
export function GateCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="gate" id="main">
      <div className="gate__card">
        <header className="gate__header">
          <h1>{t('app.name')}</h1>
          <LanguageSwitcher />
        </header>
        {children}
        <p className="muted small">{t('app.offline')}</p>
      </div>
    </main>
  );
}
