import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/api/errors';

/** The translated message for an API error code. */
export function ErrorMessage({ error }: { error: ErrorInfo | { code: 'NETWORK'; message: string } | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const params = 'params' in error && error.params ? error.params : {};
  return (
    <div className="alert alert--error" role="alert">
      {t(`error.${error.code}`, params)}
    </div>
  );
}
