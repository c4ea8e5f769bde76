import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';
import { formatDate, parseDate } from '../../../../shared/domain/dates';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface DateFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  /** ISO date (YYYY-MM-DD), '' when empty, or the raw text while it is not a real date yet. */
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
  hint?: string;
}

/**
 * A date typed as dd.mm.yyyy (also d.m.yyyy, with / or -). Hands the form an ISO date when the text is a
 * real date, otherwise the raw text, so the channel's schema reports `invalidDate` next to the field.
 */
export function DateField({ label, value, onChange, error, hint, className, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => (parseDate(value) ? formatDate(value) : value));

  // Follow changes made from outside (form reset, pre-filled values).
  useEffect(() => {
    setText((current) => {
      if (current === value || (current.trim() === '' && value === '')) return current;
      const parsed = parseDate(current);
      if (parsed !== null && parsed === value) return current;
      return parseDate(value) ? formatDate(value) : value;
    });
  }, [value]);

  const invalidNow = text.trim() !== '' && !parseDate(text);
  return (
    <div className={`field field--date${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('common.datePlaceholder')}
        value={text}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          onChange(raw.trim() === '' ? '' : (parseDate(raw) ?? raw));
        }}
        onBlur={() => {
          const parsed = parseDate(text);
          if (parsed) setText(formatDate(parsed));
        }}
        aria-invalid={error || invalidNow ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
