import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingLang, PropertyItem } from '../../../../shared/api/filingsTypes';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/form/SelectField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router';
import { CaseDocuments } from './CaseDocuments';
import { FilingFields } from './FilingFields';
import { pick } from './labels';
import { DraftNote } from '../../components/DraftNote';
import { useDraft } from '../../hooks/useDraft';
import { useMay } from '../../hooks/useMay';

/**
 * The filing wizard of one case: template and language → what the case fills and what is missing
 * (answered in a form made from the template's manifest) → preview (DOCX → HTML) → save with the case.
 * Every change of an answer asks the main process again (filings:prepare), so the checks are the ones
 * the saved document will pass.
 */
export function FilingWizard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const ui = i18n.language;
  const caseQuery = useQuery({ queryKey: ['cases:get', caseId], queryFn: () => call('cases:get', { id: caseId }) });
  const templates = useQuery({ queryKey: ['filings:templates', caseId], queryFn: () => call('filings:templates', { caseId }) });
  const [templateId, setTemplateId] = useState('');
  const [language, setLanguage] = useState<FilingLang>(ui === 'ru' ? 'ru' : 'tg');
  // Free text is written per filing language; dates, sums and choices are the same in both.
  const [shared, setShared] = useState<Record<string, string>>({});
  const [texts, setTexts] = useState<Record<FilingLang, Record<string, string>>>({ tg: {}, ru: {} });
  // The property lists the user changed: only these are kept as the draft and sent with the request; an
  // unchanged list is the case's own, shown from the preparation (so no answer can come back over an edit).
  const [editedProperties, setEditedProperties] = useState<Partial<Record<FilingLang, PropertyItem[]>>>({});
  // Whether an edited list started as the other language's items (its hint stays while they are translated).
  const [editedFromDraft, setEditedFromDraft] = useState<Partial<Record<FilingLang, boolean>>>({});
  const [allowMixed, setAllowMixed] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError['info'] | null>(null);
  const may = useMay();
  // The answers typed so far are kept until the filing is saved: a lock in the middle loses nothing.
  const draft = useDraft({
    formKey: `filing:${caseId}`,
    clientId: caseQuery.data?.case.clientId ?? null,
    // Ready once the first template is chosen for her case, so that choice is not taken for typing.
    ready: caseQuery.isSuccess && templateId !== '',
    values: { templateId, language, shared, texts, properties: editedProperties },
    apply: (d) => {
      setTemplateId(d.templateId);
      setLanguage(d.language);
      setShared(d.shared);
      setTexts(d.texts);
      // A draft kept before property lists were part of it has none.
      setEditedProperties(d.properties ?? {});
      setEditedFromDraft({});
    },
  });

  useEffect(() => {
    if (!templateId && templates.data?.length) setTemplateId(templates.data[0]!.id);
  }, [templates.data, templateId]);

  const answers = { ...shared, ...texts[language] };
  const edited = editedProperties[language];
  const request = { caseId, templateId, language, answers, ...(edited ? { property: edited } : {}) };
  const prep = useQuery({
    queryKey: ['filings:prepare', request],
    queryFn: () => call('filings:prepare', request),
    enabled: !!templateId,
    placeholderData: (prev) => prev,
  });

  // The list on screen: the edited one, or the case's as prepared for this template and language (a
  // case without items starts with one empty line to fill).
  const caseList = prep.data?.templateId === templateId && prep.data.language === language ? prep.data.lists.find((l) => l.name === 'property') : undefined;
  const property = edited ?? (caseList ? (caseList.items.length ? caseList.items : [{ item: '', value: '', acquiredOn: '' }]) : undefined);
  const propertyDraft = edited ? (editedFromDraft[language] ?? false) : (caseList?.draft ?? false);

  function changeTemplate(id: string) {
    setTemplateId(id);
    setPreview(null);
    setEditedProperties({});
    setEditedFromDraft({});
    setAllowMixed(false);
  }

  function editProperty(items: PropertyItem[]) {
    if (!edited) setEditedFromDraft((all) => ({ ...all, [language]: propertyDraft }));
    setEditedProperties((all) => ({ ...all, [language]: items }));
  }

  function answer(name: string, value: string) {
    const field = prep.data?.fields.find((f) => f.name === name);
    if (field?.translatable) setTexts((all) => ({ ...all, [language]: { ...all[language], [name]: value } }));
    else setShared((a) => ({ ...a, [name]: value }));
  }

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: 'unexpected' });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function showPreview() {
    const p = await run(() => call('filings:preview', request));
    if (p) setPreview(p.html);
  }

  async function save() {
    const doc = await run(() => call('filings:save', { ...request, allowMixed }));
    if (doc) {
      draft.saved();
      notify(t('filings.savedDoc', { file: doc.fileName }));
      void qc.invalidateQueries({ queryKey: ['documents:list', caseId] });
    }
  }

  const c = caseQuery.data?.case;
  const p = prep.data;
  const templateOptions = (templates.data ?? []).map((tpl) => ({
    value: tpl.id,
    label: `${pick(tpl.title, ui)}${tpl.suitable ? ` — ${t('filings.suitable')}` : ''}`,
  }));
  const labelOf = (name: string) => {
    const f = p?.fields.find((x) => x.name === name);
    const l = p?.lists.find((x) => x.name === name);
    return f ? pick(f.label, ui) : l ? pick(l.label, ui) : name;
  };
  const missingLabels = p ? p.missing.map(labelOf) : [];
  const issues = p?.languageIssues ?? [];
  const issueList = issues.map((i) => (i.words.length ? `${labelOf(i.field)} (${i.words.slice(0, 3).join(', ')})` : labelOf(i.field))).join('; ');
  const blocked = !p || busy || p.missing.length > 0 || (issues.length > 0 && !allowMixed);

  return (
    <section aria-labelledby="section-title" className="filing-wizard">
      <PageHeader
        title={t('filings.wizardTitle', { number: c?.number ?? '' })}
        subtitle={c ? c.clientName : undefined}
        back={{ href: href('cases', caseId), label: t('filings.backToCase') }}
      />
      <DraftNote draft={draft} />
      <div className="form-grid">
        <SelectField label={t('filings.template')} value={templateId} onChange={changeTemplate} options={templateOptions} />
        <SelectField
          label={t('filings.language')}
          value={language}
          onChange={(v) => {
            setLanguage(v === 'ru' ? 'ru' : 'tg');
            setPreview(null);
            setAllowMixed(false);
          }}
          options={[
            { value: 'tg', label: t('language.tg') },
            { value: 'ru', label: t('language.ru') },
          ]}
        />
      </div>
      {p && p.customTemplate && <p className="muted">{t('filings.customTemplate', { version: p.templateVersion })}</p>}
      {p && (
        <FilingFields
          prep={p}
          ui={ui}
          answers={answers}
          onAnswer={answer}
          property={property}
          propertyDraft={propertyDraft}
          onProperty={editProperty}
        />
      )}
      {p && (
        <p role="status" className={p.missing.length ? 'field__error' : 'muted'} data-testid="filing-status">
          {p.missing.length ? t('filings.missing', { list: missingLabels.join(', ') }) : t('filings.complete')}
        </p>
      )}
      {p && issues.length > 0 && (
        <div className="filing-language" data-testid="filing-language" role="alert">
          <p className="field__error">{t('filings.otherLanguage', { lang: t(`language.${language}`), list: issueList })}</p>
          <p className="muted small">{t('filings.otherLanguageHint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={allowMixed} onChange={(e) => setAllowMixed(e.target.checked)} /> {t('filings.allowMixed')}
          </label>
        </div>
      )}
      {error?.code === 'CONFLICT_OF_INTEREST' ? (
        // A respondent typed here matches a client: the case's form shows whom and takes the decision.
        <div className="alert alert--error" role="alert" data-testid="filing-conflict">
          <p>{t('filings.respondentIsClient')}</p>
          <a className="button" href={href('cases', caseId, 'edit')}>
            {t('filings.editCaseRespondent')}
          </a>
        </div>
      ) : (
        <ErrorMessage error={error} />
      )}
      <div className="actions">
        <button type="button" disabled={!p || busy} onClick={() => void showPreview()}>
          {busy ? t('filings.previewing') : t('filings.preview')}
        </button>
        {may('filings:save') && (
          <button type="button" className="primary" disabled={blocked} onClick={() => void save()}>
            {t('filings.save')}
          </button>
        )}
      </div>
      {preview !== null && (
        <section aria-labelledby="filing-preview-title" className="filing-preview">
          <h2 id="filing-preview-title">{t('filings.previewTitle')}</h2>
          {/* mammoth's HTML: text escaped, no scripts or styles. */}
          <div className="filing-preview__page" lang={language === 'tg' ? 'tg' : 'ru'} dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      )}
      <CaseDocuments caseId={caseId} />
    </section>
  );
}
