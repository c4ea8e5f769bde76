import { z } from 'zod';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_TYPES,
  CONSENT_METHODS,
  CONSULTATION_KINDS,
  EDUCATION,
  EMPLOYMENT,
  ISSUE_CATEGORIES,
  MARITAL_STATUSES,
  REFERRALS,
  RELATIONS_TO_MIGRANT,
  RESIDENCE,
  SESSION_STATUSES,
  SEXES,
  VENUE_KINDS,
} from '../domain/enums';
import { isDistrictId } from '../reference/regions';
import {
  enumOf,
  isoDate,
  multilineText,
  optionalIsoDate,
  optionalPastIsoDate,
  optionalPhoneNumber,
  optionalRecordId,
  optionalText,
  paging,
  pastIsoDate,
  phoneNumber,
  recordId,
  requiredText,
  visibleText,
} from './validation';

// Input schemas of the case-tracking channels (issue 3). Messages are i18n keys under `validation.`;
// a refinement names the field it is about (`path`), so the form can show the message beside it.

const districtId = z.string({ message: 'required' }).refine((s) => isDistrictId(s), { message: 'invalid' });
const optionalDistrictId = z
  .union([z.literal(''), z.null(), districtId])
  .optional()
  .transform((v) => (v ? v : null));
const optionalBool = z.boolean({ message: 'invalid' }).nullable().optional().transform((v) => v ?? null);
const diram = z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(0, { message: 'invalid' }).max(1e12, { message: 'invalid' });
const optionalDiram = diram.nullable().optional().transform((v) => v ?? null);

/** `later` is on or after `earlier` when both are given; the message goes on `path`. */
function ordered<T extends Record<string, unknown>>(earlier: keyof T & string, later: keyof T & string) {
  return (v: T, ctx: z.RefinementCtx) => {
    const a = v[earlier];
    const b = v[later];
    if (typeof a === 'string' && typeof b === 'string' && a && b && b < a) ctx.addIssue({ code: 'custom', message: 'dateOrder', path: [later] });
  };
}

// ---- Contact points and staff ----

export const contactPointInput = z
  .object({
    id: recordId.optional(),
    code: requiredText(20).regex(/^[\p{L}\p{N}._-]+$/u, { message: 'invalid' }),
    name: requiredText(200),
    districtId,
    address: optionalText(300),
    organisation: optionalText(200),
    establishedOn: pastIsoDate,
    closedOn: optionalIsoDate,
    notes: multilineText(),
  })
  .strict()
  .superRefine(ordered('establishedOn', 'closedOn'));

export const staffInput = z
  .object({
    id: recordId.optional(),
    contactPointId: optionalRecordId,
    userId: optionalRecordId,
    fullName: requiredText(200),
    position: optionalText(100),
    phone: optionalPhoneNumber,
    active: z.boolean({ message: 'invalid' }).default(true),
  })
  .strict();

// ---- Mobile sessions ----

export const sessionListInput = z
  .object({
    ...paging,
    sort: enumOf(['date', 'code', 'status']).default('date'),
    from: optionalIsoDate,
    to: optionalIsoDate,
    status: enumOf(SESSION_STATUSES).optional(),
    contactPointId: optionalRecordId,
  })
  .strict();

const teamMember = z
  .object({
    id: recordId.optional(),
    staffId: optionalRecordId,
    name: optionalText(200),
    role: optionalText(100),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.staffId && !v.name) ctx.addIssue({ code: 'custom', message: 'required', path: ['name'] });
  });

export const sessionInput = z
  .object({
    id: recordId.optional(),
    /** Generated (contact point code + date + number) when empty. */
    code: optionalText(40),
    /** Defaults to this installation's own contact point. */
    contactPointId: optionalRecordId,
    date: isoDate,
    districtId,
    jamoat: optionalText(200),
    village: optionalText(200),
    partnerAuthority: optionalText(300),
    notes: multilineText(),
    team: z.array(teamMember).max(30, { message: 'tooLong' }).default([]),
  })
  .strict();

export const sessionStatusInput = z
  .object({
    id: recordId,
    status: enumOf(SESSION_STATUSES),
  })
  .strict();

// ---- Clients ----

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
    residenceJamoat: optionalText(200),
    residenceVillage: optionalText(200),
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
  .object({ keepId: recordId, mergeId: recordId })
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

// ---- Consultations ----

const consultationBody = {
  lawyerUserId: optionalRecordId,
  lawyerName: optionalText(200),
  kind: enumOf(CONSULTATION_KINDS).default('legal'),
  issues: z.array(enumOf(ISSUE_CATEGORIES)).min(1, { message: 'required' }).max(ISSUE_CATEGORIES.length, { message: 'tooLong' }),
  advice: multilineText(5000),
  referrals: z
    .array(z.object({ referral: enumOf(REFERRALS), note: optionalText(300) }).strict())
    .max(REFERRALS.length, { message: 'tooLong' })
    .default([]),
  followUpOn: optionalIsoDate,
  caseId: optionalRecordId,
};

export const consultationInput = z
  .object({
    id: recordId.optional(),
    clientId: recordId,
    /** Required at a contact point; in a mobile session it defaults to the session's date. */
    date: optionalPastIsoDate,
    venueKind: enumOf(VENUE_KINDS),
    /** At a contact point: defaults to this installation's own contact point. */
    contactPointId: optionalRecordId,
    mobileSessionId: optionalRecordId,
    ...consultationBody,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.venueKind === 'mobile_session' && !v.mobileSessionId) ctx.addIssue({ code: 'custom', message: 'required', path: ['mobileSessionId'] });
    if (v.venueKind === 'contact_point' && !v.date) ctx.addIssue({ code: 'custom', message: 'required', path: ['date'] });
    ordered<{ date: string | null; followUpOn: string | null }>('date', 'followUpOn')(v, ctx);
  });

export const consultationListInput = z
  .object({
    ...paging,
    sort: enumOf(['date', 'createdAt']).default('date'),
    from: optionalIsoDate,
    to: optionalIsoDate,
    venueKind: enumOf(VENUE_KINDS).optional(),
    contactPointId: optionalRecordId,
    mobileSessionId: optionalRecordId,
    clientId: optionalRecordId,
    caseId: optionalRecordId,
  })
  .strict();

export const deskRegisterInput = z
  .object({
    mobileSessionId: recordId,
    /** An existing client, as found by search or by the duplicate check… */
    clientId: optionalRecordId,
    /** …or a new client (or changes to the existing one: then client.id = clientId). */
    client: clientInput.optional(),
    consultation: z.object(consultationBody).strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.clientId && !v.client) ctx.addIssue({ code: 'custom', message: 'required', path: ['client'] });
    if (v.clientId && v.client && v.client.id !== v.clientId) ctx.addIssue({ code: 'custom', message: 'invalid', path: ['client', 'id'] });
  });

// ---- Cases ----

export const caseListInput = z
  .object({
    ...paging,
    sort: enumOf(['openedOn', 'number', 'status', 'caseType', 'updatedAt']).default('openedOn'),
    /** A status, or 'active' for every status but closed. */
    status: enumOf([...CASE_STATUSES, 'active']).optional(),
    caseType: enumOf(CASE_TYPES).optional(),
    responsibleUserId: optionalRecordId,
    clientId: optionalRecordId,
    /** Client name (any spelling, prefix), court case number or case number. */
    query: optionalText(100),
  })
  .strict();

export const caseInput = z
  .object({
    id: recordId.optional(),
    clientId: recordId,
    caseType: enumOf(CASE_TYPES),
    /** Generated (contact point code, year, number) when empty. */
    number: optionalText(40),
    /** Defaults to today. */
    openedOn: optionalPastIsoDate,
    contactPointId: optionalRecordId,
    responsibleUserId: optionalRecordId,
    responsibleName: optionalText(200),
    courtName: optionalText(200),
    courtDistrictId: optionalDistrictId,
    courtCaseNumber: optionalText(60),
    judge: optionalText(200),
    respondentName: optionalText(200),
    respondentBirthDate: optionalPastIsoDate,
    respondentAddress: optionalText(300),
    respondentWhereabouts: optionalText(300),
    monthlyAlimonyDiram: optionalDiram,
    arrearsRecoveredDiram: optionalDiram,
    notes: multilineText(5000),
  })
  .strict();

export const caseStatusInput = z
  .object({
    id: recordId,
    status: enumOf(CASE_STATUSES),
    /** The date of the change; defaults to today. */
    on: optionalPastIsoDate,
    outcome: enumOf(CASE_OUTCOMES).nullable().optional().transform((v) => v ?? null),
    note: multilineText(1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && !v.outcome) ctx.addIssue({ code: 'custom', message: 'required', path: ['outcome'] });
  });

export const hearingInput = z
  .object({
    id: recordId.optional(),
    caseId: recordId,
    date: isoDate,
    time: z
      .string()
      .trim()
      .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid' })
      .default(''),
    place: optionalText(300),
    result: optionalText(2000),
    notes: multilineText(),
  })
  .strict();

export const taskInput = z
  .object({
    id: recordId.optional(),
    caseId: optionalRecordId,
    title: requiredText(300),
    dueOn: optionalIsoDate,
    assigneeUserId: optionalRecordId,
  })
  .strict();

export const completeTaskInput = z
  .object({
    id: recordId,
    /** false re-opens a task ticked by mistake. */
    done: z.boolean({ message: 'invalid' }).default(true),
    doneOn: optionalPastIsoDate,
  })
  .strict();

// ---- Search, dashboard, receipts ----

export const searchInput = z.object({ query: requiredText(100), limit: z.number().int().min(1).max(100).default(20) }).strict();

export const dashboardInput = z.object({}).strict();

export const receiptInput = z.object({ consultationId: recordId, language: enumOf(['tg', 'ru']) }).strict();

export const idInput = z.object({ id: recordId }).strict();
