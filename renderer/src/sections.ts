// The sections of the product, in navigation order. The id is also the address (#/id).
export const SECTIONS = [
  'dashboard',
  'clients',
  'consultations',
  'cases',
  'mobileSessions',
  'contactPoints',
  'filings',
  'reports',
  'exchange',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(id) ? (id as SectionId) : 'dashboard';
}
