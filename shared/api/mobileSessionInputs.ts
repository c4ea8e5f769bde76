import { z } from 'zod';
import { MOBILE_SESSION_STATUSES } from '../domain/enums';
import {
  districtId,
  enumOf,
  isoDate,
  multilineText,
  optionalIsoDate,
  optionalRecordId,
  optionalText,
  placeNameText,
  paging,
  recordId,
} from './validation';

// Input schemas of the mobile-session channels.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

export const mobileSessionListInput = z
  .object({
    ...paging,
    sort: enumOf(['date', 'code', 'status']).default('date'),
    from: optionalIsoDate,
    to: optionalIsoDate,
    status: enumOf(MOBILE_SESSION_STATUSES).optional(),
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

export const mobileSessionInput = z
  .object({
    id: recordId.optional(),
    /** Generated (contact point code + date + number) when empty. */
    code: optionalText(40),
    /** Defaults to this installation's own contact point. */
    contactPointId: optionalRecordId,
    date: isoDate,
    districtId,
    jamoat: placeNameText('jamoat'),
    village: placeNameText('village'),
    partnerAuthority: optionalText(300),
    notes: multilineText(),
    team: z.array(teamMember).max(30, { message: 'tooLong' }).default([]),
  })
  .strict();

export const mobileSessionStatusInput = z
  .object({
    id: recordId,
    status: enumOf(MOBILE_SESSION_STATUSES),
  })
  .strict();
