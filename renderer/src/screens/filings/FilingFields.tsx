import { useTranslation } from 'react-i18next';
import type { FilingFieldState, FilingPreparation, PropertyItem } from '../../../../shared/api/filingsTypes';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { pick } from './labels';

interface Props {
  prep: FilingPreparation;
  ui: string;
  answers: Record<string, string>;
  onAnswer: (name: string, value: string) => void;
  property: PropertyItem[] | undefined;
  /** The property items are still the other language's. */
  propertyDraft: boolean;
  onProperty: (items: PropertyItem[]) => void;
}

/** The form generated from the template's manifest: what the case fills, what is to be answered. */
export function FilingFields({ prep, ui, answers, onAnswer, property, propertyDraft, onProperty }: Props) {
  const { t } = useTranslation();
  // A case value of free text that is not in the filing's language (or was already rewritten for it)
  // is asked here, in this language, for the filings only.
  const asked = (f: FilingFieldState) => f.source === 'ask' || (f.translatable && (f.draft || f.overridden));
  const fromCase = prep.fields.filter((f) => !asked(f));
  const toAnswer = prep.fields.filter(asked);
  const lang = t(`language.${prep.language}`);
  const otherLang = t(`language.${prep.language === 'tg' ? 'ru' : 'tg'}`);
  const children = prep.lists.find((l) => l.name === 'children');
  const hasProperty = prep.lists.some((l) => l.name === 'property');
  const attachments = prep.lists.find((l) => l.name === 'attachments');
  const unconfirmed = prep.legalRefs.filter((r) => !r.confirmed);

  function input(f: FilingFieldState) {
    const label = `${pick(f.label, ui)}${f.required ? ` (${t('filings.required')})` : ''}`;
    const value = answers[f.name] ?? f.value;
    const error = f.error ? { path: f.name, key: f.error } : undefined;
    const typed = answers[f.name] !== undefined;
    const notes = [
      f.draft && !typed ? t('filings.draft', { from: otherLang }) : '',
      f.source === 'case' ? t('filings.caseValueHere', { lang }) : '',
      f.hint ? pick(f.hint, ui) : '',
    ].filter(Boolean);
    const hint = notes.join(' ') || undefined;
    const className = f.draft && !typed ? 'field--draft' : undefined;
    const common = { label, value, error, ...(hint ? { hint } : {}), ...(className ? { className } : {}), onChange: (v: string) => onAnswer(f.name, v) };
    if (f.format === 'multiline') return <TextAreaField key={f.name} {...common} rows={3} />;
    if (f.format === 'choice') {
      return <SelectField key={f.name} {...common} emptyLabel={t('common.choose')} options={f.choices.map((c) => ({ value: c.value, label: pick(c.label, ui) }))} />;
    }
    return <Field key={f.name} {...common} {...(f.format === 'date' ? { placeholder: 'dd.mm.yyyy', inputMode: 'numeric' as const } : {})} />;
  }

  function setItem(i: number, patch: Partial<PropertyItem>) {
    const items = [...(property ?? [])];
    items[i] = { ...items[i]!, ...patch };
    onProperty(items);
  }

  return (
    <div className="filing-fields">
      {fromCase.length > 0 && (
        <section aria-labelledby="filing-from-case">
          <h2 id="filing-from-case">{t('filings.fromCase')}</h2>
          <p className="muted small">{t('filings.fromCaseHint')}</p>
          <dl className="facts">
            {fromCase.map((f) => (
              <div key={f.name}>
                <dt>{pick(f.label, ui)}</dt>
                <dd>{f.output}</dd>
              </div>
            ))}
          </dl>
          {children && (
            <>
              <h3>{t('filings.children', { count: children.count })}</h3>
              <ul>
                {children.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {attachments && attachments.lines.length > 0 && (
        <section aria-labelledby="filing-attachments">
          <h2 id="filing-attachments">{t('documents.wizardTitle')}</h2>
          <ul className="filing-attachments" data-testid="filing-attachments">
            {attachments.lines.map((line, i) => {
              const present = attachments.present?.[i] ?? null;
              return (
                <li key={line} className={present ? 'filing-attachments__present' : undefined}>
                  {/* A tick from the client's documents: shown, not changed here (attach the paper to change it). */}
                  <input type="checkbox" checked={present === true} readOnly disabled aria-label={line} /> {line}
                  {present !== null && <span className="muted small"> — {present ? t('documents.present') : t('documents.absent')}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {toAnswer.length > 0 && (
        <section aria-labelledby="filing-to-answer">
          <h2 id="filing-to-answer">{t('filings.toAnswer')}</h2>
          <div className="form-grid">{toAnswer.map(input)}</div>
        </section>
      )}
      {hasProperty && property && (
        <fieldset className="filing-property">
          <legend>{t('filings.propertyItems')}</legend>
          {propertyDraft && <p className="field__hint field--draft">{t('filings.draftList', { from: otherLang })}</p>}
          {property.map((it, i) => (
            <div key={i} className="filing-property__item">
              <Field label={`${t('filings.propertyItem')} ${i + 1}`} value={it.item} onChange={(v) => setItem(i, { item: v })} />
              <Field label={t('filings.propertyValue')} value={it.value} inputMode="decimal" onChange={(v) => setItem(i, { value: v })} />
              <DateField label={t('filings.propertyDate')} value={it.acquiredOn} onChange={(v) => setItem(i, { acquiredOn: v })} />
              <button type="button" onClick={() => onProperty(property.filter((_, j) => j !== i))}>
                {t('filings.removeItem')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => onProperty([...property, { item: '', value: '', acquiredOn: '' }])}>
            {t('filings.addItem')}
          </button>
        </fieldset>
      )}
      {prep.legalRefs.length > 0 && (
        <section aria-labelledby="filing-refs">
          <h2 id="filing-refs">{t('filings.legalRefs')}</h2>
          <ul className="filing-refs" data-testid="filing-refs">
            {prep.legalRefs.map((r) => (
              <li key={r.key}>
                {r.text}{' '}
                {r.confirmed ? (
                  <span className="muted">({t('filings.confirmedRef')})</span>
                ) : (
                  <strong className="badge badge--warning">{t('filings.checkLaw')}</strong>
                )}
              </li>
            ))}
          </ul>
          {unconfirmed.length > 0 && <p className="sr-only">{t('filings.checkLaw')}</p>}
        </section>
      )}
    </div>
  );
}
