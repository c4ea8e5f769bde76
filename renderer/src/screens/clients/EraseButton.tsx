import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/permissions';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotice } from '../../components/Notice';
import { useAppStatus } from '../../hooks/useAppStatus';

/**
 * Erasure on request: removes the client's personal data for good (only roles allowed to delete
 * personal data see it), after a confirmation; the page then shows what is left of the record.
 */
export function EraseButton({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const role = useAppStatus().data?.user?.role;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError['info'] | null>(null);
  const [erased, setErased] = useState(false);
  if (!role || !can(role, 'personal:delete')) return null;
  // Once erased there is nothing left to erase: say so where the button was.
  if (erased) return <span className="badge badge--danger">{t('security.erase.done')}</span>;

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      await call('clients:erase', { id: clientId, confirm: true });
      setOpen(false);
      setErased(true);
      notify(t('security.erase.done'));
      // Every cached view that may hold her name is stale now.
      await qc.invalidateQueries({ queryKey: ['clients:get', clientId] });
      void qc.invalidateQueries({ queryKey: ['clients:list'] });
      void qc.invalidateQueries({ queryKey: ['consultations:list'] });
      void qc.invalidateQueries({ queryKey: ['cases:list'] });
      void qc.invalidateQueries({ queryKey: ['search:global'] });
      void qc.invalidateQueries({ queryKey: ['dashboard:summary'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('security.erase.button')}
      </button>
      <ConfirmDialog open={open} title={t('security.erase.button')} confirmLabel={t('security.erase.button')} danger busy={busy} onCancel={() => setOpen(false)} onConfirm={() => void erase()}>
        <p>{t('security.erase.confirm')}</p>
        <ErrorMessage error={error} />
      </ConfirmDialog>
    </>
  );
}
