import { alimonyFixedSum } from './alimonyFixedSum';
import { alimonyShare } from './alimonyShare';
import { birthRegistration } from './birthRegistration';
import { divorce } from './divorce';
import { missingPerson } from './missingPerson';
import { paternity } from './paternity';
import { paternityFact } from './paternityFact';
import { propertyDivision } from './propertyDivision';
import type { TemplateManifest } from './types';

/** The eight filing types of FILINGS.md, in the order the wizard lists them. */
export const MANIFESTS: readonly TemplateManifest[] = [
  alimonyShare,
  alimonyFixedSum,
  paternity,
  paternityFact,
  missingPerson,
  propertyDivision,
  divorce,
  birthRegistration,
];

export const FILING_IDS = MANIFESTS.map((m) => m.id);

export function findManifest(id: string): TemplateManifest | undefined {
  return MANIFESTS.find((m) => m.id === id);
}

export * from './types';
