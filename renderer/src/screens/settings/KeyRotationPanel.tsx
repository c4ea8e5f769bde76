import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import type { KeyRotationProgress } from '../../../../shared/api/securityTypes';
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
  // While the database gets its new key: the phase and percent, asked for as the import of a package does.
  const [rotating, setRotating] = useState(false);
  const [progress, setProgress] = useState<KeyRotationProgress | null>(null);

  useEffect(() => {
    if (!rotating) return undefined;
    const timer = setInterval(() => {
      void call('security:rotateKeyProgress', {}).then(setProgress, () => undefined);
    }, 300);
    return () => clearInterval(timer);
  }, [rotating]);

  async function rotate(): Promise<string> {
    setProgress(null);
    setRotating(true);
    try {
      await call('security:rotateKey', {});
      setProgress({ active: false, phase: 'done', percent: 100 });
      return t('security.backups.rotated');
    } finally {
      setRotating(false);
    }
  }

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
      {(rotating || progress?.phase === 'done') && (
        <p>
          <progress max={100} value={progress?.percent ?? 0} aria-label={t('security.backups.rotateProgress')} />{' '}
          {t(`security.backups.rotatePhases.${progress?.phase ?? 'backup'}`, { percent: progress?.percent ?? 0 })}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
      <ConfirmDialog
        open={confirm === 'rotate'}
        busy={busy}
        title={t('security.backups.rotateKey')}
        confirmLabel={t('security.backups.rotateKey')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => act(rotate)}
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
