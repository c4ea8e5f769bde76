import { computeAbandonment, type AbandonmentResult } from './abandonment';
import { ageBand } from './ageBand';
import { ageOn } from './dates';
import type { AgeBand, Education, Employment, MaritalStatus, RelationToMigrant, Residence, Sex } from './enums';

// The client's status as of a consultation (DOMAIN.md: migrant-household and abandoned status, age and
// socio-economic data are counted as recorded at the consultation). Computed once, when the
// consultation is recorded, and stored in its snap_* columns; later changes to the client's record do
// not touch it.

export interface SnapshotClient {
  sex: Sex;
  birthDate: string | null;
  ageRecorded: number | null;
  ageRecordedOn: string | null;
  employment: Employment;
  education: Education;
  residenceType: Residence;
  socialAssistance: boolean | null;
  residenceDistrictId: string | null;
}

export interface SnapshotHousehold {
  relation: RelationToMigrant;
  departureDate: string | null;
  lastRemittanceDate: string | null;
  maritalStatus: MaritalStatus;
  abandonedOverride: boolean | null;
}

export interface Snapshot {
  sex: Sex;
  age: number | null;
  ageBand: AgeBand;
  migrantHousehold: boolean;
  relation: RelationToMigrant | null;
  maritalStatus: MaritalStatus | null;
  abandoned: boolean | null;
  abandonedComputed: boolean | null;
  /** The rule's reason code (AbandonmentReason['code']), or 'override' when the lawyer's override was used. */
  abandonedReason: string;
  employment: Employment;
  education: Education;
  residence: Residence;
  socialAssistance: boolean | null;
  residenceDistrictId: string | null;
}

/** Age on a date: from the birth date, or the recorded age moved on by the whole years since it was recorded. */
export function ageOnDate(c: Pick<SnapshotClient, 'birthDate' | 'ageRecorded' | 'ageRecordedOn'>, on: string): number | null {
  if (c.birthDate) return Math.max(0, ageOn(c.birthDate, on));
  if (c.ageRecorded === null) return null;
  if (!c.ageRecordedOn) return c.ageRecorded;
  const elapsed = on >= c.ageRecordedOn ? ageOn(c.ageRecordedOn, on) : -ageOn(on, c.ageRecordedOn);
  return Math.max(0, c.ageRecorded + elapsed);
}

export function abandonmentOf(h: SnapshotHousehold, on: string): AbandonmentResult {
  return computeAbandonment({ relation: h.relation, departureDate: h.departureDate, lastRemittanceDate: h.lastRemittanceDate }, on);
}

export function takeSnapshot(client: SnapshotClient, household: SnapshotHousehold | null, on: string): Snapshot {
  const age = ageOnDate(client, on);
  let abandoned: boolean | null = null;
  let abandonedComputed: boolean | null = null;
  let abandonedReason = '';
  if (household) {
    const computed = abandonmentOf(household, on);
    abandonedComputed = computed.abandoned;
    abandoned = household.abandonedOverride ?? computed.abandoned;
    abandonedReason = household.abandonedOverride !== null ? 'override' : computed.reason.code;
  }
  return {
    sex: client.sex,
    age,
    ageBand: ageBand(age),
    migrantHousehold: household !== null,
    relation: household?.relation ?? null,
    maritalStatus: household?.maritalStatus ?? null,
    abandoned,
    abandonedComputed,
    abandonedReason,
    employment: client.employment,
    education: client.education,
    residence: client.residenceType,
    socialAssistance: client.socialAssistance,
    residenceDistrictId: client.residenceDistrictId,
  };
}
