import { useTranslation } from 'react-i18next';
import type { BreakdownDimension } from '../../../../shared/api/reportTypes';
import { useLocalName, useRegions } from '../../hooks/useRegions';

/** The label of a breakdown cell's key in the current language (codes are stored, words are shown). */
export function useKeyLabel(): (dim: BreakdownDimension, key: string) => string {
  const { t } = useTranslation();
  const regions = useRegions().data ?? [];
  const local = useLocalName();
  return (dim, key) => {
    if (key === 'unknown') return t('reports.keys.unknown');
    switch (dim) {
      case 'sex':
        return t(`enum.sex.${key}`);
      case 'employment':
      case 'education':
      case 'residence':
      case 'issue':
        return key === 'none' ? t('reports.keys.none') : t(`enum.${dim}.${key}`);
      case 'socialAssistance':
      case 'abandoned':
        return t(`reports.keys.${key}`);
      case 'region':
        return local(regions.find((r) => r.code === key)?.name) || key;
      case 'district':
      case 'homeDistrict':
        return local(regions.flatMap((r) => r.divisions).find((d) => d.id === key)?.name) || key;
      case 'venue':
        return t(`enum.venueKind.${key}`);
      case 'kind':
        return t(`enum.consultationKind.${key}`);
      default:
        return key;
    }
  };
}
