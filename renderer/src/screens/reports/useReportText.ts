import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/enums';
import type { ReportText } from '../../../../shared/reports/reportText';

/** The report's words in the interface's language, for the shared layout and key labels. */
export function useReportText(): ReportText {
  const { t, i18n } = useTranslation();
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'tg';
  return useMemo(() => ({ language, t: (key: string, params?: Record<string, string | number>) => t(key, params ?? {}) }), [language, t]);
}
