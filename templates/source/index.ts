import { source as alimonyFixedSum } from './alimony-fixed-sum';
import { source as alimonyShare } from './alimony-share';
import { source as birthRegistration } from './birth-registration';
import { source as divorce } from './divorce';
import { source as missingPerson } from './missing-person';
import { source as paternity } from './paternity';
import { source as paternityFact } from './paternity-fact';
import { source as propertyDivision } from './property-division';
import type { TemplateSource } from './types';

/** The wording of every shipped template, by filing id (templates/manifests lists the same ids). */
export const SOURCES: Record<string, TemplateSource> = {
  'alimony-share': alimonyShare,
  'alimony-fixed-sum': alimonyFixedSum,
  paternity,
  'paternity-fact': paternityFact,
  'missing-person': missingPerson,
  'property-division': propertyDivision,
  divorce,
  'birth-registration': birthRegistration,
};

export type { Block, TemplateSource } from './types';
