import { useTranslation } from 'react-i18next';
import type { BreakdownDimension } from '../../../../shared/api/reportTypes';
import { keyLabelOf } from '../../../../shared/domain/indicatorDimensions';
import { useLocalName, useRegions } from '../../hooks/useRegions';

/** The label of a breakdown cell's key in the current language (codes are stored, words are shown). */
export function useKeyLabel(): (dim: BreakdownDimension, key: string) => string {
  const { t } = useTranslation();
  const regions = useRegions().data ?? [];
  const local = useLocalName();
  return (dim, key) => {
    const label = keyLabelOf(dim, key);
    if ('i18n' in label) return t(label.i18n);
    if (label.place === 'region') return local(regions.find((r) => r.code === key)?.name) || key;
    return local(regions.flatMap((r) => r.divisions).find((d) => d.id === key)?.name) || key;
  };
}
