import { z } from 'zod';
import {
  CONSENT_METHODS,
  EDUCATION,
  EMPLOYMENT,
  ISSUE_CATEGORIES,
  MARITAL_STATUSES,
  RELATIONS_TO_MIGRANT,
  RESIDENCE,
  SEXES,
} from '../domain/enums';
import { MERGE_FIELDS } from '../domain/clientMerge';
import {
  enumOf,
  multilineText,
  optionalBool,
  optionalDistrictId,
  optionalIsoDate,
  optionalPastIsoDate,
  optionalRecordId,
  optionalText,
  placeNameText,
  paging,
  phoneNumber,
  recordId,
  requiredText,
  visibleText,
} from './validation';

// Input schemas of the client channels.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

const phoneEntry = z.object({ id: recordId.optional(), phone: phoneNumber, label: optionalText(60) }).strict();

export const householdInput = z
  .object({
    relation: enumOf(RELATIONS_TO_MIGRANT).default('wife'),
    migrantSurname: optionalText(100),
    migrantGivenName: optionalText(100),
    migrantPatronymic: optionalText(100),
    migrantBirthDate: optionalPastIsoDate,
    country: optionalText(100),
    city: optionalText(100),
    departureDate: optionalPastIsoDate,
    lastContactDate: optionalPastIsoDate,
    lastRemittanceDate: optionalPastIsoDate,
    maritalStatus: enumOf(MARITAL_STATUSES).default('unknown'),
    notes: multilineText(),
  })
  .strict();

const childInput = z
  .object({
    id: recordId.optional(),
    surname: optionalText(100),
    givenName: requiredText(100),
    patronymic: optionalText(100),
    birthDate: optionalPastIsoDate,
    sex: enumOf(SEXES).nullable().optional().transform((v) => v ?? null),
    birthCertificate: optionalText(60),
    hasBirthCertificate: optionalBool,
    paternityRegistered: optionalBool,
    notes: multilineText(),
  })
  .strict();

export const clientInput = z
  .object({
    id: recordId.optional(),
    surname: requiredText(100),
    givenName: requiredText(100),
    patronymic: optionalText(100),
    sex: enumOf(SEXES),
    birthDate: optionalPastIsoDate,
    /** When the birth date is unknown: the age as told today. */
    age: z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(0, { message: 'ageRange' }).max(120, { message: 'ageRange' }).nullable().optional().transform((v) => v ?? null),
    idDocType: optionalText(60),
    idDocNumber: optionalText(60),
    residenceDistrictId: optionalDistrictId,
    residenceJamoat: placeNameText('jamoat'),
    residenceVillage: placeNameText('village'),
    residenceAddress: optionalText(300),
    residenceType: enumOf(RESIDENCE).default('unknown'),
    languages: z.array(visibleText(z.string().trim().min(1, { message: 'required' }).max(40, { message: 'tooLong' }))).max(10, { message: 'tooLong' }).default([]),
    employment: enumOf(EMPLOYMENT).default('unknown'),
    education: enumOf(EDUCATION).default('unknown'),
    socialAssistance: optionalBool,
    consentOn: optionalPastIsoDate,
    consentMethod: enumOf(CONSENT_METHODS).nullable().optional().transform((v) => v ?? null),
    notes: multilineText(),
    phones: z.array(phoneEntry).max(10, { message: 'tooLong' }).default([]),
    /** null: not from a migrant household (an existing household is then removed). */
    household: householdInput.nullable().default(null),
    children: z.array(childInput).max(30, { message: 'tooLong' }).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.birthDate && v.age === null) ctx.addIssue({ code: 'custom', message: 'required', path: ['birthDate'] });
    if (v.consentMethod && !v.consentOn) ctx.addIssue({ code: 'custom', message: 'required', path: ['consentOn'] });
  });

export const clientListInput = z
  .object({
    ...paging,
    sort: enumOf(['name', 'birthDate', 'createdAt', 'updatedAt']).default('name'),
    /** Name (any spelling, prefix), phone or identity document number. */
    query: optionalText(100),
    sex: enumOf(SEXES).optional(),
    migrantHousehold: z.boolean({ message: 'invalid' }).optional(),
    residenceDistrictId: optionalDistrictId,
    /** Only women without support today (abandoned: shared/domain/abandonment.ts, the lawyer's override first). */
    abandoned: z.literal(true, { message: 'invalid' }).optional(),
    /** Clients who consulted about this issue. */
    issue: enumOf(ISSUE_CATEGORIES).optional(),
    /** Clients a lawyer (a user) advised, or whose case is that lawyer's. */
    lawyerUserId: optionalRecordId,
  })
  .strict();

export const duplicatesInput = z
  .object({
    excludeId: recordId.optional(),
    surname: z.string().trim().max(100, { message: 'tooLong' }).default(''),
    givenName: z.string().trim().max(100, { message: 'tooLong' }).default(''),
    birthDate: optionalIsoDate,
    /** As typed; numbers that do not parse are ignored here (clients:save reports them). */
    phones: z.array(z.string().max(40)).max(10).default([]),
    idDocNumber: z.string().trim().max(60).default(''),
  })
  .strict();

export const mergeInput = z
  .object({
    /** The record that survives; the other is tombstoned and points to it. */
    keepId: recordId,
    mergeId: recordId,
    /**
     * The fields whose value is taken from the merged-away record; every other field keeps the
     * survivor's. Absent: the survivor's empty fields are filled from the other (defaultTakenFields).
     */
    take: z.array(enumOf(MERGE_FIELDS)).max(MERGE_FIELDS.length, { message: 'invalid' }).optional(),
  })
  .strict()
  .refine((v) => v.keepId !== v.mergeId, { message: 'invalid', path: ['mergeId'] });

export const overrideInput = z
  .object({
    clientId: recordId,
    /** true/false overrides the computed value; null clears the override. */
    override: z.boolean({ message: 'invalid' }).nullable(),
    reason: multilineText(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.override !== null && !v.reason) ctx.addIssue({ code: 'custom', message: 'required', path: ['reason'] });
  });
