import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTALLATION_ROLES, type InstallationRole } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { useSetStatus } from '../../hooks/useAppStatus';
import { saveText } from '../../api/files';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FileInput } from '../../components/FilePicker';
import { RefusalMessage } from './RefusalMessage';
import { useAction } from './useAction';

/** Own identity and fingerprint, the role, and pairing by file. */
export function IdentityPanel({ canChangeRole, canPair }: { canChangeRole: boolean; canPair: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setStatus = useSetStatus();
  const identity = useQuery({ queryKey: ['exchange:identity'], queryFn: () => call('exchange:identity', {}) });
  const { busy, error, run } = useAction();
  const [paired, setPaired] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [secretNote, setSecretNote] = useState('');
  const pairingId = useId();
  const [pairingName, setPairingName] = useState('');
  const id = identity.data;
  // A role the installation cannot take (it holds records, or a hub's statistics) is said next to the choice.
  const roleError = error?.fields?.find((f) => f.path === 'role');

  async function savePairing() {
    const file = await run(() => call('exchange:pairingFile', {}));
    if (file) saveText(`${file.name || 'installation'}.pair.json`, JSON.stringify(file, null, 2), 'application/json');
  }

  async function loadPairing(file: File | undefined) {
    if (!file) return;
    const json = await file.text();
    const peer = await run(() => call('exchange:importPairing', { json }));
    if (peer) {
      setPaired(t('exchange.pairedWith', { name: peer.name, fingerprint: peer.fingerprint }));
      await client.invalidateQueries({ queryKey: ['exchange:peers'] });
    }
  }

  async function networkSecret(action: 'replace' | 'endTransition') {
    setReplacing(false);
    const changed = await run(() => call('exchange:networkSecret', { action }));
    if (changed) {
      client.setQueryData(['exchange:identity'], changed);
      setSecretNote(action === 'replace' ? t('exchange.networkSecretReplaced', { generation: changed.networkGeneration ?? 1 }) : t('exchange.networkTransitionEnded'));
    }
  }

  async function changeRole(role: InstallationRole) {
    if (await run(() => call('exchange:setRole', { role }))) {
      await client.invalidateQueries({ queryKey: ['exchange:identity'] });
      // The role decides which panels and package kinds the screen offers.
      setStatus(await call('app:status', {}));
    }
  }

  return (
    <section aria-labelledby="exchange-identity">
      <h2 id="exchange-identity">{t('exchange.identityTitle')}</h2>
      {id && (
        <dl className="facts">
          <dt>{t('exchange.role')}</dt>
          <dd>
            {canChangeRole ? (
              <>
                <select
                  aria-label={t('exchange.changeRole')}
                  value={id.role}
                  disabled={busy}
                  aria-invalid={roleError ? true : undefined}
                  aria-describedby={roleError ? 'exchange-role-error' : undefined}
                  onChange={(e) => void changeRole(e.target.value as InstallationRole)}
                >
                  {INSTALLATION_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`exchange.roles.${r}`)}
                    </option>
                  ))}
                </select>
                {roleError && (
                  <p id="exchange-role-error" className="field__error" role="alert">
                    {t(`validation.${roleError.key}`)}
                  </p>
                )}
              </>
            ) : (
              t(`exchange.roles.${id.role}`)
            )}
          </dd>
          <dt>{t('exchange.installationId')}</dt>
          <dd>
            <code>{id.installationId}</code>
          </dd>
          <dt>{t('exchange.fingerprint')}</dt>
          <dd>
            <strong className="fingerprint" data-testid="own-fingerprint">
              {id.fingerprint}
            </strong>
            <div className="muted small">{t('exchange.fingerprintHelp')}</div>
          </dd>
          {id.role === 'contact_point' && (
            <>
              <dt>{t('exchange.networkSecret')}</dt>
              <dd>
                {id.hasNetworkSecret ? t('exchange.networkSecretYes') : t('exchange.networkSecretNo')}
                {id.hasNetworkSecret && (
                  <div className="muted small">
                    {t('exchange.networkGeneration', { generation: id.networkGeneration ?? 1 })}
                    {id.earlierNetworkSecrets > 0 && ` · ${t('exchange.networkTransition', { count: id.earlierNetworkSecrets })}`}
                  </div>
                )}
                {id.hasNetworkSecret && canChangeRole && (
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => setReplacing(true)}>
                      {t('exchange.replaceNetworkSecret')}
                    </button>
                    {id.earlierNetworkSecrets > 0 && (
                      <button type="button" disabled={busy} onClick={() => void networkSecret('endTransition')}>
                        {t('exchange.endNetworkTransition')}
                      </button>
                    )}
                  </div>
                )}
                {secretNote && <p role="status">{secretNote}</p>}
              </dd>
            </>
          )}
        </dl>
      )}
      {canPair && (
        <>
      <h3>{t('exchange.pairingTitle')}</h3>
      <p className="muted">{t('exchange.pairingHelp')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void savePairing()}>
          {t('exchange.savePairing')}
        </button>
        <div className="field">
          <label htmlFor={pairingId}>{t('exchange.loadPairing')}</label>
          <FileInput
            id={pairingId}
            accept=".json,application/json"
            disabled={busy}
            chosen={pairingName}
            onFile={(file) => {
              setPairingName(file?.name ?? '');
              void loadPairing(file ?? undefined);
            }}
          />
        </div>
      </div>
      {paired && (
        <p role="status" data-testid="paired-message">
          {paired}
        </p>
      )}
        </>
      )}
      {!roleError && <RefusalMessage error={error} />}
      <ConfirmDialog
        open={replacing}
        danger
        busy={busy}
        title={t('exchange.replaceNetworkSecret')}
        confirmLabel={t('exchange.replaceNetworkSecret')}
        onCancel={() => setReplacing(false)}
        onConfirm={() => void networkSecret('replace')}
      >
        <p>{t('exchange.replaceNetworkSecretHelp')}</p>
      </ConfirmDialog>
    </section>
  );
}
