import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { ApiError, call } from '../../api/client';
import type { ChosenFile } from '../../api/files';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePicker } from '../../components/FilePicker';
import { Field } from '../../components/Field';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

/** Trusted publisher keys, and applying a signed update file of templates and legal references. */
export function UpdatesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['updates:trustedKeys'], queryFn: () => call('updates:trustedKeys', {}) });
  const trust = useApiForm('updates:trustKey');
  const [key, setKey] = useState({ id: '', name: '', publicKeyPem: '' });
  const [result, setResult] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function onTrust(e: FormEvent) {
    e.preventDefault();
    if (await trust.submit(key)) {
      setKey({ id: '', name: '', publicKeyPem: '' });
      await client.invalidateQueries({ queryKey: ['updates:trustedKeys'] });
    }
  }

  async function onFile(file: ChosenFile | null) {
    setResult('');
    setError(null);
    if (!file) return;
    try {
      const r = await call('updates:apply', { file: file.payload });
      setResult(t('security.updates.applied', { refs: r.legalReferences, templates: r.templates }));
    } catch (e) {
      setError(e instanceof ApiError && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' });
    }
  }

  return (
    <div className="split">
      <div>
        <h2>{t('security.updates.title')}</h2>
        <p className="muted">{t('security.updates.intro')}</p>
        <FilePicker kind="update" label={t('security.updates.file')} onChoose={(f) => void onFile(f)} />
        {result && <p role="status">{result}</p>}
        {error?.params?.reason === 'notNewer' ? (
          <div className="alert alert--error" role="alert">
            {t('security.updates.notNewer', error.params)}
          </div>
        ) : (
          <ErrorMessage error={error} />
        )}
        <h3>{t('security.updates.keys')}</h3>
        {keys.data?.length === 0 && <p>{t('security.updates.noKeys')}</p>}
        <ul>
          {(keys.data ?? []).map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong> ({k.id}) <span className="fingerprint">{k.fingerprint}</span>
            </li>
          ))}
        </ul>
      </div>
      <form onSubmit={onTrust} noValidate>
        <h3>{t('security.updates.addKey')}</h3>
        <p className="muted small">{t('security.updates.addKeyHelp')}</p>
        <Field label={t('security.updates.keyId')} value={key.id} onChange={(id) => setKey((k) => ({ ...k, id }))} error={trust.fieldErrors.id} />
        <Field label={t('security.updates.keyName')} value={key.name} onChange={(name) => setKey((k) => ({ ...k, name }))} error={trust.fieldErrors.name} />
        <TextAreaField label={t('security.updates.publicKey')} value={key.publicKeyPem} onChange={(publicKeyPem) => setKey((k) => ({ ...k, publicKeyPem }))} error={trust.fieldErrors.publicKeyPem} rows={5} />
        <FormErrorSummary form={trust} />
        <button type="submit" disabled={trust.busy}>
          {t('security.updates.trust')}
        </button>
      </form>
    </div>
  );
}
