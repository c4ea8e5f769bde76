import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/api/errors';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
  hint?: string;
  /** A fixed word printed with the value, shown beside the box so it is not typed («деҳаи» Гулакандоз). */
  affix?: { before?: string; after?: string } | undefined;
}

/** A labelled text input whose validation message is tied to it for screen readers. */
export function Field({ label, value, onChange, error, hint, affix, className, ...rest }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      {...rest}
    />
  );
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {affix ? (
        <span className="field__affixed">
          {affix.before && <span className="field__affix">{affix.before}</span>}
          {input}
          {affix.after && <span className="field__affix">{affix.after}</span>}
        </span>
      ) : (
        input
      )}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(`validation.${error.key}`, error.params ?? {})}
        </p>
      )}
    </div>
  );
}
