import { useTranslation } from 'react-i18next';
import { fieldKey, recordKindKey } from '../../../../shared/i18n/fieldWords';
import { upperFirst } from '../../../../shared/i18n/format';

/**
 * What an exchanged record is and what its field is called, in the screen's language, as the forms
 * say it: the conflicts to check and a refused package name a table and a column. A field no form
 * shows keeps its column's name (`known: false`, for the screen to set it apart).
 */
export function useRecordWords() {
  const { t, i18n } = useTranslation();
  return {
    kind: (table: string) => upperFirst(t(recordKindKey(table), { defaultValue: table }), i18n.language),
    field: (table: string, column: string) => {
      const key = fieldKey(table, column);
      return key ? { text: t(key), known: true } : { text: column, known: false };
    },
  };
}
