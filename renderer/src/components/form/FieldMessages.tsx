import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';

/** The hint and the translated validation message under a field, tied to it by id. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: FieldError | undefined }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
