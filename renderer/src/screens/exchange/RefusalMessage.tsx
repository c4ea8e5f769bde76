import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { REFUSAL_REASONS, type RefusalReason } from '../../../../shared/api/exchangeTypes';
import { ErrorMessage } from '../../components/ErrorMessage';

/** A refused package or pairing file says why; any other error shows its usual text. */
export function RefusalMessage({ error }: { error: ErrorInfo | null }) {
  const { t } = useTranslation();
  const reason = error?.code === 'PACKAGE_REFUSED' ? error.params?.reason : undefined;
  if (error && typeof reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(reason)) {
    return (
      <div className="alert alert--error" role="alert">
        <strong>{t('error.PACKAGE_REFUSED')}</strong> {t(`exchange.refused.${reason as RefusalReason}`)}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
