import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { REFUSAL_REASONS, type RefusalReason } from '../../../../shared/api/exchangeTypes';
import { formatDate } from '../../../../shared/domain/dates';
import { ErrorMessage } from '../../components/ErrorMessage';

/** The values a reason's text names, as people read them (a time of making: date and hour). */
function refusalParams(params: ErrorInfo['params']): Record<string, string | number> {
  const madeAt = params?.madeAt;
  return typeof madeAt === 'string' ? { ...params, madeAt: `${formatDate(madeAt)} ${madeAt.slice(11, 16)}` } : { ...params };
}

/** A refused package or pairing file says why; any other error shows its usual text. */
export function RefusalMessage({ error }: { error: ErrorInfo | null }) {
  const { t } = useTranslation();
  const reason = error?.code === 'PACKAGE_REFUSED' ? error.params?.reason : undefined;
  if (error && typeof reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(reason)) {
    return (
      <div className="alert alert--error" role="alert">
        <strong>{t('error.PACKAGE_REFUSED')}</strong> {t(`exchange.refused.${reason as RefusalReason}`, refusalParams(error.params))}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
