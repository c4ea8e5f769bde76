import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LocalizedName, RegionRef } from '../../../shared/api/types';
import type { Language } from '../../../shared/domain/enums';
import { formatAddress, type AddressParts } from '../../../shared/reference/addresses';
import { call } from '../api/client';

/** Tajikistan's regions and districts from the reference data (cached for the whole session). */
export function useRegions() {
  return useQuery({ queryKey: ['reference:regions'], queryFn: () => call('reference:regions', {}), staleTime: Infinity });
}

export function useLocalName(): (name: LocalizedName | undefined) => string {
  const { i18n } = useTranslation();
  const lang = (['tg', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'tg') as Language;
  return (name) => (name ? name[lang] || name.ru || name.en : '');
}

/** "District, Region" of a district id in the current language ('' when unknown). */
export function useDistrictName(): (id: string | null | undefined) => string {
  const regions = useRegions().data;
  const local = useLocalName();
  return (id) => {
    if (!id || !regions) return '';
    for (const r of regions as RegionRef[]) {
      const d = r.divisions.find((x) => x.id === id);
      if (d) return local(d.name);
    }
    return id;
  };
}

/** A place (street, village, jamoat, district) on one line, each word once, in the screen's language. */
export function useAddress(): (parts: AddressParts) => string {
  const { i18n } = useTranslation();
  return (parts) => formatAddress(parts, i18n.language);
}
