import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubStoreKind } from '../../../../shared/api/hubStoreTypes';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useApiForm } from '../../hooks/useApiForm';

/** A hub's choice of store for the statistics it receives: its own SQLite file or PostgreSQL. */
export function HubStorePanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['hubStore:get'], queryFn: () => call('hubStore:get', {}) });
  const form = useApiForm('hubStore:save');
  const [store, setStore] = useState<HubStoreKind>('sqlite');
  // The saved address is never sent back whole (it may hold a password): a new one is typed in full.
  const [address, setAddress] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setStore(current.data.store);
  }, [current.data]);

  if (!current.data?.isHub) return null;
  const info = current.data;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const result = await form.submit(store === 'postgres' ? { store, address } : { store });
    if (result) {
      client.setQueryData(['hubStore:get'], result);
      // Reports and the list of submissions now come from the other store.
      await client.invalidateQueries({ queryKey: ['reports:indicators'] });
      await client.invalidateQueries({ queryKey: ['hub:submissions'] });
      setAddress('');
      setSaved(true);
    }
  }

  return (
    <section aria-labelledby="hub-store-title" className="hub-store">
      <h2 id="hub-store-title">{t('hubStore.title')}</h2>
      <p className="muted">{t('hubStore.intro')}</p>
      <dl className="facts">
        <dt>{t('hubStore.current')}</dt>
        <dd>{info.store === 'postgres' ? <code>{info.address}</code> : t('hubStore.sqlite')}</dd>
        {info.store === 'postgres' && info.reachable && (
          <>
            <dt>{t('hubStore.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
          </>
        )}
      </dl>
      {!info.reachable && (
        <p className="alert alert--error" role="alert">
          {t('hubStore.unreachable')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="form-narrow">
        <fieldset className="checkbox-group">
          <legend>{t('hubStore.store')}</legend>
          <div className="checkbox-group__items">
            {(['sqlite', 'postgres'] as const).map((kind) => (
              <label key={kind} className="checkbox">
                <input type="radio" name="hub-store" checked={store === kind} onChange={() => setStore(kind)} />
                <span>{t(`hubStore.${kind}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {store === 'postgres' && (
          <Field
            label={t('hubStore.address')}
            value={address}
            onChange={setAddress}
            error={form.fieldErrors.address}
            hint={t('hubStore.addressHint')}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        {!form.fieldErrors.address && <ErrorMessage error={form.error} />}
        {saved && <p role="status">{t('hubStore.saved')}</p>}
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hubStore.save')}
        </button>
      </form>
    </section>
  );
}
