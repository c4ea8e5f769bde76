import { useTranslation } from 'react-i18next';
import { ENUM_LABEL_KEYS, type EnumName } from '../../../shared/i18n/enumLabels';
import type { Option } from '../components/form/SelectField';

/** The codes of one closed vocabulary with their labels in the current language. */
export function useEnumOptions(name: EnumName, exclude: readonly string[] = []): Option[] {
  const { t } = useTranslation();
  return (ENUM_LABEL_KEYS[name] as readonly string[]).filter((c) => !exclude.includes(c)).map((code) => ({ value: code, label: t(`enum.${name}.${code}`) }));
}

/** A label function for codes of one vocabulary ('' for an empty code). */
export function useEnumLabel(name: EnumName): (code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (code) => (code ? t(`enum.${name}.${code}`) : '');
}
