import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';
import { checkDate, formatDate, parseDate } from '../../../../shared/domain/dates';
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

  // A text that is no date at all, or a day the month does not have, is said as soon as the field is left;
  // what depends on the form (in the future, before the birth date) comes with the save.
  const [left, setLeft] = useState(false);
  const own = text.trim() !== '' ? checkDate(text) : null;
  const invalidNow = own !== null && own.problem !== null;
  const ownError: FieldError | undefined =
    left && own?.problem ? { path: '', key: own.problem, ...(own.problem === 'noSuchDay' ? { params: { days: own.daysInMonth ?? 31 } } : {}) } : undefined;
  const shown = error ?? ownError;
  return (
    <div className={`field field--date${shown ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
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
          setLeft(false);
          onChange(raw.trim() === '' ? '' : (parseDate(raw) ?? raw));
        }}
        onBlur={() => {
          const parsed = parseDate(text);
          if (parsed) setText(formatDate(parsed));
          setLeft(true);
        }}
        aria-invalid={shown || invalidNow ? true : undefined}
        aria-describedby={describedBy(id, hint, shown)}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} error={shown} />
    </div>
  );
}
