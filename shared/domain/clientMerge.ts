import type { ClientRecord } from '../api/clientTypes';

// Merging two records of one person, field by field: the user picks the record that survives and, for
// each field where the two differ, which record's value to keep. A field here is what the user judges as
// one thing (the birth date with the age told when it is unknown, the whole address, the identity
// document's type with its number), so a choice never mixes halves of two values.

export const MERGE_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'sex',
  'birthDate',
  'idDocument',
  'residence',
  'residenceType',
  'languages',
  'employment',
  'education',
  'socialAssistance',
  'consent',
  'notes',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** The parts of the record one merge field covers. */
export function mergeFieldParts(field: MergeField, r: ClientRecord): unknown[] {
  switch (field) {
    case 'birthDate':
      return [r.birthDate, r.birthDate ? null : r.ageRecorded];
    case 'idDocument':
      return [r.idDocType, r.idDocNumber];
    case 'residence':
      return [r.residenceDistrictId, r.residenceJamoat, r.residenceVillage, r.residenceAddress];
    case 'consent':
      return [r.consentOn, r.consentMethod];
    default:
      return [r[field]];
  }
}

const blank = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Nothing recorded for this field (an unknown value is not a spelling worth keeping). */
export function isBlankMergeField(field: MergeField, r: ClientRecord): boolean {
  // A document type without its number identifies nobody.
  if (field === 'idDocument') return blank(r.idDocNumber);
  return mergeFieldParts(field, r).every(blank);
}

export function sameMergeField(field: MergeField, a: ClientRecord, b: ClientRecord): boolean {
  return JSON.stringify(mergeFieldParts(field, a)) === JSON.stringify(mergeFieldParts(field, b));
}

/**
 * The fields whose value comes from the merged-away record when the user has not chosen: those the
 * surviving record leaves empty and the other has. Everything else keeps the survivor's value.
 */
export function defaultTakenFields(survivor: ClientRecord, other: ClientRecord): MergeField[] {
  return MERGE_FIELDS.filter((f) => isBlankMergeField(f, survivor) && !isBlankMergeField(f, other));
}
