import { z } from 'zod';
import {
  districtId,
  multilineText,
  optionalIsoDate,
  optionalPhoneNumber,
  optionalRecordId,
  optionalText,
  ordered,
  pastIsoDate,
  recordId,
  requiredText,
} from './validation';

// Input schemas of the contact-point and staff channels.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

/** A contact point's short code (case numbers and packages carry it): letters, digits, `.`, `_`, `-`. */
export const contactPointCode = requiredText(20).regex(/^[\p{L}\p{N}._-]+$/u, { message: 'invalid' });

export const contactPointInput = z
  .object({
    id: recordId.optional(),
    code: contactPointCode,
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
