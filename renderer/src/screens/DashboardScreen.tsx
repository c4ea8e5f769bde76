import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/types';

export function DashboardScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{t('dashboard.title')}</h1>
      <p>{t('dashboard.welcome', { name: status.user?.displayName ?? '' })}</p>
      <p className="muted">{t('dashboard.databaseReady', { version: status.schemaVersion ?? '' })}</p>
    </section>
  );
}
