import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../shared/api/types';
import { can } from '../../../../shared/domain/permissions';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { GeneralSettingsPanel } from './GeneralSettingsPanel';
import { HubStorePanel } from './HubStorePanel';
import { PasswordPanel } from './PasswordPanel';
import { RetentionPanel } from './RetentionPanel';
import { UpdatesPanel } from './UpdatesPanel';
import { UsersPanel } from './UsersPanel';

type Tab = 'general' | 'users' | 'password' | 'audit' | 'backups' | 'updates' | 'retention';

/** Settings: language and keyboard help for everyone; users, audit and backups for administrators. */
export function SettingsScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const role = status.user?.role ?? 'readonly';
  const tabs: Tab[] = ['general', 'password'];
  if (can(role, 'users:manage')) tabs.splice(1, 0, 'users');
  if (can(role, 'audit:read')) tabs.push('audit');
  if (can(role, 'settings:manage')) tabs.push('backups', 'updates');
  if (can(role, 'personal:delete')) tabs.push('retention');
  const [tab, setTab] = useState<Tab>('general');

  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{t('settings.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('settings.title')}>
        {tabs.map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} className={tab === id ? 'is-active' : ''} onClick={() => setTab(id)}>
            {t(`security.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'general' && (
          <>
            <h2>{t('language.label')}</h2>
            <LanguageSwitcher />
            <p className="muted">{t('settings.languageHelp')}</p>
            <h2>{t('settings.keyboardTitle')}</h2>
            <p>{t('settings.keyboardHelp')}</p>
            {can(role, 'settings:manage') && <GeneralSettingsPanel />}
            {can(role, 'settings:manage') && status.installation?.role === 'hub' && <HubStorePanel />}
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
          </>
        )}
        {tab === 'users' && <UsersPanel currentUserId={status.user?.id ?? ''} />}
        {tab === 'password' && <PasswordPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'backups' && <BackupsPanel />}
        {tab === 'retention' && <RetentionPanel />}
        {tab === 'updates' && <UpdatesPanel />}
      </div>
    </section>
  );
}
