import { z } from 'zod';
import {
  CONSULTATION_KINDS,
  ISSUE_CATEGORIES,
  REFERRALS,
  VENUE_KINDS,
} from '../domain/enums';
import {
  enumOf,
  multilineText,
  optionalIsoDate,
  optionalPastIsoDate,
  optionalRecordId,
  optionalText,
  ordered,
  paging,
  recordId,
} from './validation';
import { clientInput } from './clientInputs';

// Input schemas of the consultation, desk and receipt channels.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

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
    /** The lawyer (a user) who gave the advice. */
    lawyerUserId: optionalRecordId,
    /** Consultations about this issue (among others). */
    issue: enumOf(ISSUE_CATEGORIES).optional(),
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
