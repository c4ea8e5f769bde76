import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeProgress, ImportResult, PeerSummary } from '../../../../shared/api/exchangeTypes';
import type { InstallationRole } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { saveFile, type ChosenFile } from '../../api/files';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FilePicker } from '../../components/FilePicker';
import { DateField } from '../../components/form/DateField';
import { RefusalMessage } from './RefusalMessage';
import { useAction } from './useAction';
import { formatDate, formatDateTime } from '../../format';

type Kind = 'full' | 'stats' | 'networkKey';

function countsLine(t: (k: string) => string, counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${t(`exchange.counts.${k}`)}: ${v}`)
    .join(', ');
}

/** Paired installations (an administrator may un-pair one), and making / applying packages (with progress while a big one is applied). */
export function PackagesPanel({ role, canUnpair }: { role: InstallationRole; canUnpair: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const peers = useQuery({ queryKey: ['exchange:peers'], queryFn: () => call('exchange:peers', {}) });
  const { busy, error, run } = useAction();
  const [peerId, setPeerId] = useState('');
  const [kind, setKind] = useState<Kind>('full');
  const [withAttachments, setWithAttachments] = useState(false);
  const [from, setFrom] = useState(`${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState<ExchangeProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [unpairing, setUnpairing] = useState<PeerSummary | null>(null);

  useEffect(() => {
    if (!importing) return undefined;
    const timer = setInterval(() => {
      void call('exchange:progress', {}).then(setProgress, () => undefined);
    }, 300);
    return () => clearInterval(timer);
  }, [importing]);

  const selectedPeer = peers.data?.find((p) => p.installationId === peerId) ?? peers.data?.[0];
  const kinds: Kind[] = selectedPeer?.role === 'hub' ? ['stats'] : role === 'contact_point' && selectedPeer?.role === 'contact_point' ? ['full', 'networkKey'] : ['full'];
  const effectiveKind = kinds.includes(kind) ? kind : kinds[0]!;

  async function exportPackage() {
    if (!selectedPeer) return;
    setMessage('');
    const file = await run(() =>
      call('exchange:exportPackage', {
        peerId: selectedPeer.installationId,
        kind: effectiveKind,
        ...(effectiveKind === 'stats' ? { from, to } : {}),
        ...(effectiveKind === 'full' && withAttachments ? { withAttachments } : {}),
      }),
    );
    if (file) {
      await run(() => saveFile(file));
      setMessage(`${t('exchange.exported', { file: file.fileName })} ${countsLine(t, file.counts)}`);
      await client.invalidateQueries({ queryKey: ['exchange:peers'] });
    }
  }

  async function importPackage(file: ChosenFile | null) {
    if (!file) return;
    setMessage('');
    setImporting(true);
    setProgress(null);
    let result: ImportResult | undefined;
    try {
      result = await run(() => call('exchange:importPackage', { file: file.payload }));
    } finally {
      setImporting(false);
    }
    // A refusal may have raised an alert about the sender's audit trail.
    if (!result) await client.invalidateQueries({ queryKey: ['exchange:auditAlerts'] });
    if (result) {
      const head = result.alreadyApplied ? t('exchange.alreadyApplied', { sender: result.senderName }) : t('exchange.imported', { sender: result.senderName });
      setMessage(`${head} ${countsLine(t, result.counts)}`);
      await client.invalidateQueries();
    }
  }

  async function unpair() {
    const peer = unpairing;
    if (!peer) return;
    setMessage('');
    const left = await run(() => call('exchange:unpair', { installationId: peer.installationId }));
    setUnpairing(null);
    if (left) {
      setMessage(t('exchange.unpaired', { name: peer.name }));
      await client.invalidateQueries({ queryKey: ['exchange:peers'] });
    }
  }

  const when = (iso: string | null) => (iso ? formatDateTime(iso) : t('exchange.never'));

  return (
    <section aria-labelledby="exchange-peers">
      <h2 id="exchange-peers">{t('exchange.peersTitle')}</h2>
      {peers.data?.length === 0 && <p>{t('exchange.noPeers')}</p>}
      {!!peers.data?.length && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.peerName')}</th>
              <th scope="col">{t('exchange.role')}</th>
              <th scope="col">{t('exchange.fingerprint')}</th>
              <th scope="col">{t('exchange.pairedOn')}</th>
              <th scope="col">{t('exchange.lastSent')}</th>
              <th scope="col">{t('exchange.lastReceived')}</th>
              {canUnpair && (
                <th scope="col">
                  <span className="visually-hidden">{t('exchange.unpair')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {peers.data.map((p) => (
              <tr key={p.installationId}>
                <td>{p.name}</td>
                <td>{t(`exchange.roles.${p.role}`)}</td>
                <td>
                  <code>{p.fingerprint}</code>
                </td>
                <td>{formatDate(p.pairedOn)}</td>
                <td>{when(p.lastSentAt)}</td>
                <td>{when(p.lastReceivedAt)}</td>
                {canUnpair && (
                  <td>
                    <button type="button" className="danger" disabled={busy} aria-label={`${t('exchange.unpair')}: ${p.name}`} onClick={() => setUnpairing(p)}>
                      {t('exchange.unpair')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!!peers.data?.length && (
        <>
          <h3>{t('exchange.exportTitle')}</h3>
          <div className="form-row">
            <label>
              {t('exchange.peer')}{' '}
              <select value={selectedPeer?.installationId ?? ''} onChange={(e) => setPeerId(e.target.value)}>
                {peers.data.map((p) => (
                  <option key={p.installationId} value={p.installationId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('exchange.kind')}{' '}
              <select value={effectiveKind} onChange={(e) => setKind(e.target.value as Kind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`exchange.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {effectiveKind === 'stats' && (
              <>
                {' '}
                <DateField label={t('exchange.from')} value={from} onChange={setFrom} error={error?.fields?.find((f) => f.path === 'from')} />{' '}
                <DateField label={t('exchange.to')} value={to} onChange={setTo} error={error?.fields?.find((f) => f.path === 'to')} />
              </>
            )}
            {effectiveKind === 'full' && (
              <>
                {' '}
                <label className="checkbox">
                  <input type="checkbox" checked={withAttachments} onChange={(e) => setWithAttachments(e.target.checked)} /> {t('exchange.withAttachments')}
                </label>
              </>
            )}{' '}
            <button type="button" className="primary" disabled={busy} onClick={() => void exportPackage()}>
              {t('exchange.export')}
            </button>
          </div>
        </>
      )}

      <h3>{t('exchange.importTitle')}</h3>
      <FilePicker kind="package" label={t('exchange.importFile')} disabled={busy} onChoose={(f) => void importPackage(f)} />
      {importing && (
        <p role="status" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />{' '}
          {t('exchange.importing', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
        </p>
      )}
      {message && (
        <p role="status" data-testid="exchange-message">
          {message}
        </p>
      )}
      <RefusalMessage error={error} />
      <ConfirmDialog
        open={unpairing !== null}
        title={t('exchange.unpairTitle', { name: unpairing?.name ?? '' })}
        confirmLabel={t('exchange.unpair')}
        danger
        busy={busy}
        onConfirm={() => void unpair()}
        onCancel={() => setUnpairing(null)}
      >
        <p>{t('exchange.unpairBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
