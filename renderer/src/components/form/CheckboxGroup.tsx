import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';
import { altKeysFor } from '../../../../shared/domain/tajikLetters';
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
  /**
   * A long list crossed from the keyboard: one Tab stop for the whole group, the arrow keys move
   * inside it, Space ticks, and typing the first letters of a choice jumps to it.
   */
  arrowKeys?: boolean;
}

/** Typed letters compare without case, and a Tajik letter matches the Russian key that types it (қ ~ к). */
function fold(s: string): string {
  return [...s.toLocaleLowerCase()].map((ch) => altKeysFor(ch)?.cyrillic ?? ch).join('');
}

/** How many choices stand in the first row of the grid as laid out now. */
function columnsOf(inputs: HTMLInputElement[]): number {
  const top = inputs[0]?.getBoundingClientRect().top;
  if (top === undefined) return 1;
  return Math.max(1, inputs.filter((el) => Math.abs(el.getBoundingClientRect().top - top) < 4).length);
}

/** Several choices at once (issue categories, referrals): a fieldset of labelled checkboxes. */
export function CheckboxGroup({ legend, values, onChange, options, error, columns = 2, className, arrowKeys = false }: CheckboxGroupProps) {
  const { t } = useTranslation();
  const id = useId();
  const items = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const typed = useRef('');
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value].filter((v, i, all) => all.indexOf(v) === i) : values.filter((v) => v !== value));

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const inputs = [...(items.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
    const at = inputs.indexOf(e.target as HTMLInputElement);
    if (at < 0) return;
    const cols = columnsOf(inputs);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + cols, ArrowUp: at - cols, Home: 0, End: inputs.length - 1 };
    let to: number | undefined = moves[e.key];
    if (to === undefined && e.key.length === 1 && e.key !== ' ') {
      // Letters typed one after another narrow the jump ("ал" → «Алимент»); a letter that does not
      // continue the word starts a new one.
      // The same letter again goes on to the next choice with it.
      const from = (start: string, offset: number) =>
        options.map((_, i) => (at + offset + i) % options.length).find((i) => fold(options[i]!.label).startsWith(start));
      const word = typed.current + fold(e.key);
      const letter = fold(e.key);
      const hit = typed.current ? from(word, 0) : undefined;
      typed.current = hit !== undefined ? word : letter;
      to = hit ?? from(letter, 1);
    } else typed.current = '';
    if (to === undefined) return;
    e.preventDefault();
    const target = Math.min(inputs.length - 1, Math.max(0, to));
    setActive(target);
    inputs[target]?.focus();
  }

  const describedBy = [arrowKeys ? `${id}-keys` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`checkbox-group checkbox-group--cols${columns}${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {arrowKeys && (
        <p id={`${id}-keys`} className="field__hint checkbox-group__keys">
          {t('common.gridKeys')}
        </p>
      )}
      <div className="checkbox-group__items" ref={items} onKeyDown={arrowKeys ? onKeyDown : undefined}>
        {options.map((o, i) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              {...(arrowKeys ? { tabIndex: i === active ? 0 : -1, onFocus: () => setActive(i) } : {})}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
