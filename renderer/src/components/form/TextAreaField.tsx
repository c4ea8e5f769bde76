import { useId, type TextareaHTMLAttributes } from 'react';
import type { FieldError } from '../../../../shared/api/errors';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
  hint?: string;
}

export function TextAreaField({ label, value, onChange, error, hint, className, rows = 3, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
