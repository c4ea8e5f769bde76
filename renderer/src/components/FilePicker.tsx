import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, FieldError } from '../../../shared/api/errors';
import type { FileKind } from '../../../shared/api/files';
import { ApiError } from '../api/client';
import { acceptOf, fromInput, limitOf, pickedByMain, pickWithMain, type ChosenFile } from '../api/files';
import { ErrorMessage } from './ErrorMessage';
import { FieldMessages } from './form/FieldMessages';

interface FilePickerProps {
  kind: FileKind;
  label: string;
  disabled?: boolean;
  /** The picked file; null when the browser's input is cleared. */
  onChoose: (file: ChosenFile | null) => void;
}

/** A labelled file choice: main's open dialog in Electron, the page's file input in browser mode. */
export function FilePicker({ kind, label, disabled, onChoose }: FilePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | undefined>(undefined);
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function choose(pick: () => Promise<ChosenFile | null>, clearOnCancel: boolean) {
    setFieldError(undefined);
    setError(null);
    try {
      const file = await pick();
      if (file || clearOnCancel) {
        setName(file?.name ?? '');
        onChoose(file);
      }
    } catch (e) {
      const info: ErrorInfo = e instanceof ApiError && e.info.code !== 'NETWORK' ? (e.info as ErrorInfo) : { code: 'INTERNAL', message: '' };
      const tooLarge = info.fields?.find((f) => f.key === 'fileTooLarge');
      if (tooLarge) setFieldError(tooLarge);
      else setError(info);
      setName('');
      onChoose(null);
    }
  }

  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${fieldError ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {pickedByMain() ? (
        <div className="row">
          <button id={id} type="button" disabled={disabled} aria-describedby={describedBy} onClick={() => void choose(() => pickWithMain(kind), false)}>
            {t('files.choose')}
          </button>
          <span className="muted">{name || t('files.noneChosen')}</span>
        </div>
      ) : (
        <FileInput
          id={id}
          accept={acceptOf(kind)}
          disabled={disabled}
          chosen={name}
          invalid={Boolean(fieldError)}
          describedBy={describedBy}
          onFile={(file) => void choose(async () => (file ? fromInput(file, kind) : null), true)}
        />
      )}
      <FieldMessages id={id} hint={t('files.limit', { megabytes: limitOf(kind) })} error={fieldError} />
      <ErrorMessage error={error} />
    </div>
  );
}

interface FileInputProps {
  id: string;
  accept: string;
  disabled?: boolean | undefined;
  /** The chosen file's name, shown beside the button ('' for none). */
  chosen: string;
  invalid?: boolean;
  describedBy?: string;
  onFile?: (file: File | null) => void;
  /** Several files in one choice (a scanner's folder), instead of onFile. */
  onFiles?: (files: File[]) => void;
}

/**
 * The page's file input in the app's look and language: a button and the chosen file's name instead of
 * the browser's own "Choose File / No file chosen". The real input stays underneath (labelled by the
 * field's label, focusable, Enter or Space opens the dialog), so assistive technology and tests use it.
 */
export function FileInput({ id, accept, disabled, chosen, invalid, describedBy, onFile, onFiles }: FileInputProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="file-input">
      <input
        ref={input}
        id={id}
        className="file-input__native"
        type="file"
        accept={accept}
        multiple={onFiles !== undefined}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (onFiles) onFiles(files);
          else onFile?.(files[0] ?? null);
        }}
      />
      <span className="file-input__button" aria-hidden="true" onClick={() => !disabled && input.current?.click()}>
        {t('files.choose')}
      </span>
      <span className="muted file-input__name" aria-hidden="true">
        {chosen || t('files.noneChosen')}
      </span>
    </div>
  );
}
