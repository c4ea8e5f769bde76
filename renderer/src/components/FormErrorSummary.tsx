import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../hooks/useApiForm';

/**
 * The short account of a refused save, placed beside the save button: for invalid fields a line that
 * points to them (each field carries its own message), otherwise the reason (a role that may not
 * save, a full disk…). It takes the focus when no field is to blame (see `useApiForm`).
 */
export function FormErrorSummary({ form }: { form: ApiForm }) {
  const { t } = useTranslation();
  const { error } = form;
  const invalid = Object.keys(form.fieldErrors).length;
  const params = error && 'params' in error && error.params ? error.params : {};
  return (
    <div id={form.summaryId} tabIndex={-1} className="form-summary" role="alert">
      {error && (
        <p className="alert alert--error form-summary__text">
          {error.code === 'VALIDATION' && invalid > 0 ? t('workday.fixFields', { count: invalid }) : t(`error.${error.code}`, params)}
        </p>
      )}
    </div>
  );
}
