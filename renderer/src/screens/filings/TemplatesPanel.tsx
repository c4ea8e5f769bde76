import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import type { ChosenFile } from '../../api/files';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePicker } from '../../components/FilePicker';
import { SelectField } from '../../components/form/SelectField';
import { pick } from './labels';

const TEMPLATE_IDS = ['alimony-share', 'alimony-fixed-sum', 'paternity', 'paternity-fact', 'missing-person', 'property-division', 'divorce', 'birth-registration'];

/** Import an edited .docx for a template (checked against its placeholders) or go back to the shipped one. */
export function TemplatesPanel() {
  const { t, i18n } = useTranslation();
  const [templateId, setTemplateId] = useState(TEMPLATE_IDS[0]!);
  const [language, setLanguage] = useState<'tg' | 'ru'>('tg');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError['info'] | null>(null);

  async function upload(file: ChosenFile) {
    setError(null);
    try {
      const r = await call('templates:import', { templateId, language, file: file.payload });
      // Each passage that lost its marker is named, with the paragraph, in the interface language.
      const passages = r.passages.map((p) =>
        t(p.paragraph ? 'filings.importPassageParagraph' : 'filings.importPassageMissing', { label: pick(p.label, i18n.language), paragraph: p.paragraph, marker: `{{?${p.name}}}`, interpolation: { escapeValue: false } }),
      );
      setMessage(
        r.accepted
          ? t('filings.importAccepted', { version: r.version ?? '' })
          : [t('filings.importRefused', { unknown: r.unknown.join(', ') || t('filings.none'), missing: r.missing.join(', ') || t('filings.none') }), ...passages].join(' '),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: 'unexpected' });
    }
  }

  async function restore() {
    setError(null);
    await call('templates:restore', { templateId, language });
    setMessage(t('filings.restored'));
  }

  return (
    <section aria-labelledby="templates-title" className="card">
      <h2 id="templates-title">{t('filings.templatesTitle')}</h2>
      <div className="form-grid">
        <SelectField label={t('filings.template')} value={templateId} onChange={setTemplateId} options={TEMPLATE_IDS.map((id) => ({ value: id, label: id }))} />
        <SelectField
          label={t('filings.language')}
          value={language}
          onChange={(v) => setLanguage(v === 'ru' ? 'ru' : 'tg')}
          options={[
            { value: 'tg', label: t('language.tg') },
            { value: 'ru', label: t('language.ru') },
          ]}
        />
        <FilePicker kind="template" label={t('filings.importTemplate')} onChoose={(f) => f && void upload(f)} />
      </div>
      <button type="button" onClick={() => void restore()}>
        {t('filings.restoreTemplate')}
      </button>
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
