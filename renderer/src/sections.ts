import type { ChannelName } from '../../shared/api/channels';
import type { UserRole } from '../../shared/domain/enums';

// The sections of the product, in navigation order. The id is also the address (#/id).
export const SECTIONS = [
  'dashboard',
  'clients',
  'consultations',
  'cases',
  'calendar',
  'mobileSessions',
  'contactPoints',
  'filings',
  'reports',
  'exchange',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The first part of the address's path (#/id/…?query). */
function firstPart(hash: string): string {
  return hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[0] ?? '';
}

export function sectionFromHash(hash: string): SectionId {
  const id = firstPart(hash);
  return (SECTIONS as readonly string[]).includes(id) ? (id as SectionId) : 'dashboard';
}

/**
 * The channel each section opens with: a section is offered to a role only when that role may call it
 * (the same permission table the handlers enforce).
 */
export const SECTION_CHANNEL = {
  dashboard: 'dashboard:summary',
  clients: 'clients:list',
  consultations: 'consultations:list',
  cases: 'cases:list',
  calendar: 'calendar:range',
  mobileSessions: 'mobileSessions:list',
  contactPoints: 'contactPoints:list',
  filings: 'filings:templates',
  reports: 'reports:indicators',
  exchange: 'exchange:identity',
  settings: 'settings:get',
} as const satisfies Record<SectionId, ChannelName>;

/** Where each role starts its day: lawyers with today's work, paralegals with filings, analysts with reports. */
export const START_SECTION: Record<UserRole, SectionId> = {
  administrator: 'dashboard',
  lawyer: 'dashboard',
  readonly: 'dashboard',
  paralegal: 'filings',
  analyst: 'reports',
};

/** Whether the address names a section at all (a fresh window has none yet). */
export function hashNamesSection(hash: string): boolean {
  const id = firstPart(hash);
  return (SECTIONS as readonly string[]).includes(id);
}

/** The channel that saves what a section's forms (#/section/new, #/section/ID/edit) enter. */
const FORM_CHANNEL = {
  clients: 'clients:save',
  consultations: 'consultations:save',
  cases: 'cases:save',
  mobileSessions: 'mobileSessions:save',
  contactPoints: 'contactPoints:save',
  filings: 'filings:save',
} as const satisfies Partial<Record<SectionId, ChannelName>>;

/**
 * The channel a page needs: a form needs the channel that saves it and the desk needs the desk's, so an
 * address typed by hand opens no page whose every action the role would be refused; any other page needs
 * its section's channel.
 */
export function pageChannel(section: SectionId, parts: readonly string[]): ChannelName {
  const [id, sub] = parts;
  if (section === 'mobileSessions' && id && sub === 'desk') return 'desk:register';
  if (section in FORM_CHANNEL && (id === 'new' || sub === 'edit')) return FORM_CHANNEL[section as keyof typeof FORM_CHANNEL];
  return SECTION_CHANNEL[section];
}
