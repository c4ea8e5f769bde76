import { z } from 'zod';
import { optionalRecordId } from './validation';

// Unsaved form entries. The form key names the form and what it is about ("desk:<session id>",
// "client:<id>", "consultation:new:<client id>"…); it is chosen by the screens, never shown.

/** The largest draft kept: far above any form's text, small enough to write on every pause in typing. */
export const DRAFT_MAX_CHARS = 200_000;

export const draftKeyInput = z
  .object({ formKey: z.string().min(1).max(200).regex(/^[\w:.-]+$/, { message: 'invalid' }) })
  .strict();

export const draftPutInput = draftKeyInput
  .extend({
    /** The client the entry is about, when there is one: her erasure removes the draft. */
    clientId: optionalRecordId,
    values: z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= DRAFT_MAX_CHARS, { message: 'tooLong' }),
  })
  .strict();
