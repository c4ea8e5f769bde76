import { z } from 'zod';
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

export const documentsListInput = z.object({ caseId: id }).strict();
export const documentGetInput = z.object({ id }).strict();

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
