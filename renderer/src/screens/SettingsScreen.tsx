import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

export function SettingsScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{t('settings.title')}</h1>
      <h2>{t('language.label')}</h2>
      <LanguageSwitcher />
      <p className="muted">{t('settings.languageHelp')}</p>
      <h2>{t('settings.keyboardTitle')}</h2>
      <p>{t('settings.keyboardHelp')}</p>
      <dl className="facts">
        <dt>{t('settings.dataLocation')}</dt>
        <dd>
          <code>{status.dataDir}</code>
        </dd>
        <dt>{t('settings.version')}</dt>
        <dd>{status.appVersion}</dd>
        <dt>{t('settings.schema')}</dt>
        <dd>{status.schemaVersion}</dd>
      </dl>
    </section>
  );
}
