// Keys of the courts' entries in legal_references: one entry for the court's name and one for its
// address, per district or city (the ids of tajikistan-admin-divisions.json).

export function courtRefKey(districtId: string): string {
  return `court_${districtId.replace(/-/g, '_')}`;
}

export function courtAddressRefKey(districtId: string): string {
  return `court_address_${districtId.replace(/-/g, '_')}`;
}

/** The civil registry office of a district sits in the same town as its court; its address entry is its own. */
export function registryAddressRefKey(districtId: string): string {
  return `registry_address_${districtId.replace(/-/g, '_')}`;
}
