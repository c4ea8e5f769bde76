import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { recordId } from '../../../shared/api/validation';
import { call } from '../api/client';
import { useDebounced } from '../components/GlobalSearch';
import { useRegions } from './useRegions';
import type { Option } from '../components/form/SelectField';
import { useQueryParams } from '../router';

// A list's filters live in the address (#/cases?status=active&overdue=1), so a filtered list can be
// bookmarked and another screen can link to it; a value the list does not know is ignored rather
// than sent (an edited or outdated address still opens the list).

/** The filters named, as the address holds them, with a setter and a value kept only if it is one of `allowed`. */
export function useListFilters<K extends string>(names: readonly K[]) {
  const [values, set] = useQueryParams(names);
  const oneOf = (value: string, allowed: readonly Option[]): string => (allowed.some((o) => o.value === value) ? value : '');
  return { values, set, oneOf };
}

/**
 * A search box kept in the address: typed locally, written to the address (and sent) once typing
 * pauses, so the box never lags behind the keyboard.
 */
export function useAddressSearch(kept: string, keep: (text: string) => void): { text: string; setText: (text: string) => void; settled: string } {
  const [text, setText] = useState(kept);
  const settled = useDebounced(text.trim(), 250);
  useEffect(() => {
    if (settled !== kept) keep(settled);
    // Only a pause in typing writes the address.
  }, [settled]);
  useEffect(() => {
    // The address changed from outside (a link, Back): the box follows it.
    if (kept !== settled) setText(kept);
  }, [kept]);
  return { text, setText, settled };
}

/** The users the lawyer filter offers, by name (one who no longer works here is marked). */
export function useLawyerOptions(leftLabel: string): Option[] {
  const lawyers = useQuery({ queryKey: ['users:lawyers'], queryFn: () => call('users:lawyers', {}), staleTime: 60_000 });
  return (lawyers.data ?? []).map((u) => ({ value: u.id, label: u.active ? u.displayName : `${u.displayName} (${leftLabel})` }));
}

/** A record id as an address may hold it, else nothing (the same check as the channels' inputs). */
export function recordIdOrEmpty(value: string): string {
  return recordId.safeParse(value).success ? value : '';
}

/** A district as an address may hold it: one of the reference data's (kept as it is while they load). */
export function useKnownDistrict(value: string): string {
  const regions = useRegions().data;
  if (!value) return '';
  return !regions || regions.some((r) => r.divisions.some((d) => d.id === value)) ? value : '';
}
