import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../shared/api/types';
import { can } from '../../../../shared/domain/permissions';
import { AuditAlertsPanel } from './AuditAlertsPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { IdentityPanel } from './IdentityPanel';
import { PackagesPanel } from './PackagesPanel';
import { SubmissionsPanel } from './SubmissionsPanel';

/** Exchange by files: identity and pairing, packages, the conflict queue; on a hub, the submissions. */
export function ExchangeScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const role = status.installation?.role ?? 'contact_point';
  const userRole = status.user?.role;
  const mayExchange = !!userRole && can(userRole, 'exchange:run');
  return (
    <section aria-labelledby="section-title" className="stack">
      <h1 id="section-title">{t('exchange.title')}</h1>
      <p className="muted">{t('exchange.intro')}</p>
      {mayExchange && <AuditAlertsPanel canAcknowledge={can(userRole, 'audit:read')} />}
      <IdentityPanel canChangeRole={!!userRole && can(userRole, 'settings:manage')} canPair={mayExchange} />
      {mayExchange && <PackagesPanel role={role} canUnpair={!!userRole && can(userRole, 'settings:manage')} />}
      {mayExchange && role !== 'hub' && <ConflictsPanel />}
      {role === 'hub' && userRole && can(userRole, 'stats:read') && <SubmissionsPanel />}
    </section>
  );
}
