import { useId } from 'react';
import type { FieldError } from '../../../../shared/api/errors';
import { FieldMessages } from './FieldMessages';
import type { Option } from './SelectField';

interface CheckboxGroupProps {
  legend: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: readonly Option[];
  error?: FieldError | undefined;
  /** Several columns for long lists (issue categories). */
  columns?: 1 | 2 | 3;
  className?: string;
}

/** Several choices at once (issue categories, referrals): a fieldset of labelled checkboxes. */
export function CheckboxGroup({ legend, values, onChange, options, error, columns = 2, className }: CheckboxGroupProps) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value].filter((v, i, all) => all.indexOf(v) === i) : values.filter((v) => v !== value));
  return (
    <fieldset
      className={`checkbox-group checkbox-group--cols${columns}${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="checkbox-group__items">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
