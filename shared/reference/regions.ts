import type { DistrictRef, RegionRef } from '../api/types';
import data from './tajikistan-admin-divisions.json';

// Tajikistan's regions and their districts and cities (copied from shared/domain at build time of
// this repo; entries with `unverified` name languages not yet confirmed in a source).

export const REGIONS: RegionRef[] = data.regions as RegionRef[];

const byId = new Map<string, { district: DistrictRef; region: RegionRef }>();
for (const region of REGIONS) for (const district of region.divisions) byId.set(district.id, { district, region });

export function findDistrict(id: string): { district: DistrictRef; region: RegionRef } | undefined {
  return byId.get(id);
}

export function isDistrictId(id: string): boolean {
  return byId.has(id);
}

export function regionOfDistrict(id: string): string | null {
  return byId.get(id)?.region.code ?? null;
}
