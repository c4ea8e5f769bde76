import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitiveKind } from '../../../shared/domain/enums';
import { useApiForm } from '../hooks/useApiForm';
import { useEnumOptions } from '../hooks/useEnumOptions';
import { useMay } from '../hooks/useMay';
import { SelectField } from './form/SelectField';
import { FormErrorSummary } from './FormErrorSummary';
import { useNotice } from './Notice';

/**
 * Marks a case or a client sensitive (violence, sexual assault, HIV) or clears the mark. Who still sees
 * a sensitive record is said beside the choice (shared/domain/sensitivity.ts).
 */
export function SensitiveMark({ of, id, value }: { of: 'case' | 'client'; id: string; value: SensitiveKind | undefined }) {
  const { t } = useTranslation();
  const may = useMay();
  const qc = useQueryClient();
  const notify = useNotice();
  const options = useEnumOptions('sensitive');
  const channel = of === 'case' ? 'cases:setSensitive' : 'clients:setSensitive';
  const form = useApiForm(channel);
  const [choice, setChoice] = useState<string>(value ?? '');
  if (!may(channel)) return null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ id, sensitive: (choice || null) as SensitiveKind | null });
    if (!saved) return;
    qc.setQueryData([of === 'case' ? 'cases:get' : 'clients:get', id], saved);
    void qc.invalidateQueries({ queryKey: [of === 'case' ? 'cases:list' : 'clients:list'] });
    notify(t('protection.markSaved'));
  }

  return (
    <form className="panel sensitive-mark" aria-labelledby={`sensitive-${id}`} onSubmit={onSubmit} noValidate>
      <h2 id={`sensitive-${id}`}>{t('protection.sensitiveTitle')}</h2>
      <p className="small muted">{t(of === 'case' ? 'protection.sensitiveHintCase' : 'protection.sensitiveHintClient')}</p>
      <div className="actions">
        <SelectField
          label={t('protection.sensitiveTitle')}
          value={choice}
          onChange={setChoice}
          options={options}
          emptyLabel={t('protection.notSensitive')}
          error={form.fieldErrors.sensitive ?? form.fieldErrors.responsibleUserId}
        />
        <button type="submit" disabled={form.busy || choice === (value ?? '')}>
          {t('protection.saveMark')}
        </button>
      </div>
      <FormErrorSummary form={form} />
    </form>
  );
}
