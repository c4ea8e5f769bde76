import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format';

/** A new database key on demand, and the backups still under an earlier key (listed before they go). */
export function KeyRotationPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const old = useQuery({ queryKey: ['backups:listBeforeRotation'], queryFn: () => call('backups:listBeforeRotation', {}) });
  const [confirm, setConfirm] = useState<'rotate' | 'destroy' | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function act(fn: () => Promise<string>) {
    setConfirm(null);
    setBusy(true);
    setError(null);
    try {
      setMessage(await fn());
      await client.invalidateQueries({ queryKey: ['backups:listBeforeRotation'] });
      await client.invalidateQueries({ queryKey: ['backups:list'] });
    } catch (e) {
      setError(e instanceof ApiError && 'code' in e.info && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' });
    } finally {
      setBusy(false);
    }
  }

  const oldBackups = old.data ?? [];
  return (
    <section>
      <h3>{t('security.backups.rotateKey')}</h3>
      <p className="muted">{t('security.backups.rotateIntro')}</p>
      <button type="button" disabled={busy} onClick={() => setConfirm('rotate')}>
        {t('security.backups.rotateKey')}
      </button>{' '}
      <button type="button" className="danger" disabled={busy || oldBackups.length === 0} onClick={() => setConfirm('destroy')}>
        {t('security.backups.destroyOld')}
      </button>
      {oldBackups.length === 0 && <p>{t('security.backups.noneOld')}</p>}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
      <ConfirmDialog
        open={confirm === 'rotate'}
        busy={busy}
        title={t('security.backups.rotateKey')}
        confirmLabel={t('security.backups.rotateKey')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => act(async () => (await call('security:rotateKey', {}), t('security.backups.rotated')))}
      >
        {t('security.backups.confirmRotate')}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'destroy'}
        danger
        busy={busy}
        title={t('security.backups.destroyOld')}
        confirmLabel={t('security.backups.destroyOld')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => act(async () => t('security.backups.destroyed', { count: (await call('backups:destroyBeforeRotation', {})).destroyed }))}
      >
        {t('security.backups.confirmDestroy')}
        <ul>
          {oldBackups.map((b) => (
            <li key={b.name}>
              {formatDateTime(b.createdAt)} — {t(`security.backups.reasons.${b.reason as 'daily'}`)}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}
