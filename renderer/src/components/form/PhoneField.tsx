import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';
import { normalizePhone } from '../../../../shared/domain/phone';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface PhoneFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
}

/** A Tajik phone number; the +992 prefix may be left out. */
export function PhoneField({ label, value, onChange, error, className, ...rest }: PhoneFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hint = t('common.phoneHint');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        placeholder="+992 __ ___ ____"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onChange(normalizePhone(value) ?? value.trim())}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
