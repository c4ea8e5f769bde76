import { z } from 'zod';
import { LANGUAGES } from '../domain/enums';
import { BREAKDOWN_KEYS, DEFAULT_SUPPRESSION_THRESHOLD } from '../domain/indicatorDefinitions';
import { CONSULTATION_DIMENSIONS } from '../domain/indicatorDefinitions';
import { fileInput } from './files';
import { isoDate } from './validation';

// Input schemas of the reports and import channels.

const optionalCode = z
  .union([z.literal(''), z.null(), z.string().trim().max(80, { message: 'tooLong' })])
  .optional()
  .transform((v) => (v ? v : null));

const period = {
  from: isoDate,
  to: isoDate,
  region: optionalCode,
  districtId: optionalCode,
  contactPointCode: optionalCode,
};

const periodOrder = (v: { from: string; to: string }) => v.from <= v.to;
const orderIssue = { message: 'dateOrder', path: ['to'] };

export const reportQueryInput = z
  .object({
    ...period,
    suppressSmall: z.boolean().default(false),
    threshold: z.number().int().min(2).max(50).default(DEFAULT_SUPPRESSION_THRESHOLD),
  })
  .strict()
  .refine(periodOrder, orderIssue);

export const drilldownInput = z
  .object({
    ...period,
    target: z.enum(BREAKDOWN_KEYS as [string, ...string[]], { message: 'invalid' }),
    dimension: z.enum(CONSULTATION_DIMENSIONS as [string, ...string[]], { message: 'invalid' }).nullable().default(null),
    key: z.string().max(80).nullable().default(null),
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .strict()
  .refine(periodOrder, orderIssue);

export const reportExportInput = z
  .object({
    ...period,
    format: z.enum(['pdf', 'xlsx', 'csv'], { message: 'invalid' }),
    language: z.enum(LANGUAGES, { message: 'invalid' }),
    suppressSmall: z.boolean().default(true),
    threshold: z.number().int().min(2).max(50).default(DEFAULT_SUPPRESSION_THRESHOLD),
  })
  .strict()
  .refine(periodOrder, orderIssue);

/** A register file (CSV or XLSX). */
export const importInput = z
  .object({
    kind: z.enum(['contact-points', 'mobile-sessions', 'consultations'], { message: 'invalid' }),
    file: fileInput('register'),
  })
  .strict();
