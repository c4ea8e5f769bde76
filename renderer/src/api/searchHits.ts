import type { SearchResult } from '../../../shared/api/dashboardTypes';
import { formatDate, fullName } from '../format';

export interface SearchHit {
  kind: 'client' | 'case';
  id: string;
  title: string;
  detail: string;
}

/** Clients first, then cases, as one list the search box can walk with the arrow keys. */
export function searchHits(result: SearchResult): SearchHit[] {
  return [
    ...result.clients.map((c) => ({
      kind: 'client' as const,
      id: c.id,
      title: fullName(c),
      detail: [formatDate(c.birthDate), c.phone, c.idDocNumber].filter(Boolean).join(' · '),
    })),
    ...result.cases.map((c) => ({
      kind: 'case' as const,
      id: c.id,
      title: `${c.number} · ${c.clientName}`,
      detail: [c.courtCaseNumber, formatDate(c.openedOn)].filter(Boolean).join(' · '),
    })),
  ];
}
