import { useId, type SelectHTMLAttributes } from 'react';
import type { FieldError } from '../../../../shared/api/errors';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** Text of the empty choice; no empty choice when omitted. */
  emptyLabel?: string;
  error?: FieldError | undefined;
  hint?: string;
}

export function SelectField({ label, value, onChange, options, emptyLabel, error, hint, className, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
