import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/api/errors';
import { REFUSAL_REASONS, type RefusalReason } from '../../../../shared/api/exchangeTypes';
import { formatDate } from '../../../../shared/domain/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecordWords } from './useRecordWords';

/** The values a reason's text names, as people read them (a time of making: date and hour). */
function refusalParams(params: ErrorInfo['params']): Record<string, string | number> {
  const madeAt = params?.madeAt;
  return typeof madeAt === 'string' ? { ...params, madeAt: `${formatDate(madeAt)} ${madeAt.slice(11, 16)}` } : { ...params };
}

/** A refused package or pairing file says why; any other error shows its usual text. */
export function RefusalMessage({ error }: { error: ErrorInfo | null }) {
  const { t } = useTranslation();
  const { kind, field } = useRecordWords();
  const reason = error?.code === 'PACKAGE_REFUSED' ? error.params?.reason : undefined;
  if (error && typeof reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(reason)) {
    const { table, column, value } = error.params ?? {};
    // A clash names the record, its field and the value, so that the two installations know what to change.
    const where =
      typeof table === 'string' && typeof column === 'string'
        ? t('exchange.clashWhere', { record: kind(table), field: field(table, column).text, value: String(value ?? '') })
        : null;
    return (
      <div className="alert alert--error" role="alert">
        <strong>{t('error.PACKAGE_REFUSED')}</strong> {t(`exchange.refused.${reason as RefusalReason}`, refusalParams(error.params))}
        {where && <p>{where}</p>}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
