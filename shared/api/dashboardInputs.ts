import { z } from 'zod';
import { enumOf, recordId, requiredText } from './validation';

// Input schemas of the dashboard and the global search.
// Messages are i18n keys under `validation.`; a refinement names the field it is about (`path`), so the form
// can show the message beside it.

export const searchInput = z.object({ query: requiredText(100), limit: z.number().int().min(1).max(100).default(20) }).strict();

export const dashboardInput = z.object({}).strict();

export const receiptInput = z.object({ consultationId: recordId, language: enumOf(['tg', 'ru']) }).strict();
