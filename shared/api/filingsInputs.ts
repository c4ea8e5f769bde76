import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../domain/enums';
import { fileInput } from './files';
import { optionalText, recordId, requiredText, visibleText } from './validation';

// Input schemas of the filings channels. Answers are free text here: their meaning depends
// on the template's manifest, so the handler checks them field by field and reports i18n keys.

const id = recordId;
const templateId = z.string().regex(/^[a-z][a-z-]{1,40}$/, { message: 'invalid' });
export const filingLang = z.enum(['tg', 'ru']);

export const propertyItemInput = z
  .object({
    item: visibleText(z.string().trim().max(300, { message: 'tooLong' })),
    value: visibleText(z.string().trim().max(30, { message: 'tooLong' })).default(''),
    acquiredOn: visibleText(z.string().trim().max(10, { message: 'tooLong' })).default(''),
  })
  .strict();

export const filingTemplatesInput = z.object({ caseId: id }).strict();

export const filingInput = z
  .object({
    caseId: id,
    templateId,
    language: filingLang,
    /** Answers to the manifest's fields by name; merged over the answers kept with the case. */
    answers: z.record(z.string().max(60), visibleText(z.string().max(5000, { message: 'tooLong' }), true)).default({}),
    /** Property items (property-division); when given, replaces the kept list. */
    property: z.array(propertyItemInput).max(200).optional(),
    /** Save even though some text is in the other language (quoted words, names the check cannot know). */
    allowMixed: z.boolean().optional(),
  })
  .strict();

/** The documents of one record: a case, a client (with her consultations' and cases') or a consultation. */
export const documentsListInput = z
  .object({ caseId: id.optional(), clientId: id.optional(), consultationId: id.optional() })
  .strict()
  .refine((v) => [v.caseId, v.clientId, v.consultationId].filter(Boolean).length === 1, { message: 'required', path: ['caseId'] });
export const documentGetInput = z.object({ id }).strict();

/** A scanned paper or photo for a client, a consultation or a case (exactly one). */
export const documentAttachInput = z
  .object({
    clientId: id.optional(),
    consultationId: id.optional(),
    caseId: id.optional(),
    type: z.enum(ATTACHMENT_TYPES, { message: 'required' }),
    /** The file's own name, shown in the list and in refusals; a name, never a path. */
    fileName: visibleText(z.string().trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' })),
    file: fileInput('scan'),
  })
  .strict()
  .refine((v) => [v.caseId, v.clientId, v.consultationId].filter(Boolean).length === 1, { message: 'required', path: ['clientId'] });

export const documentDeleteInput = z.object({ id }).strict();

/** The consent-to-processing form, printed for the client and kept with her documents. */
export const consentFormInput = z.object({ clientId: id, language: filingLang }).strict();

export const legalRefSaveInput = z
  .object({
    id,
    textTg: requiredText(1000),
    textRu: requiredText(1000),
    textEn: optionalText(1000),
    value: optionalText(200),
    source: optionalText(1000),
  })
  .strict();

export const legalRefConfirmInput = z.object({ id, confirmed: z.boolean() }).strict();

export const templateImportInput = z
  .object({
    templateId,
    language: filingLang,
    /** The edited .docx file. */
    file: fileInput('template'),
  })
  .strict();

export const templateRestoreInput = z.object({ templateId, language: filingLang }).strict();

export const proposalDecideInput = z.object({ id, accept: z.boolean() }).strict();
