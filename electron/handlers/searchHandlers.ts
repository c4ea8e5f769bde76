import { dashboardSummary } from '../services/dashboard';
import { consultationReceipt } from '../services/receipts';
import { globalSearch } from '../services/search';
import type { HandlerMap } from './types';

export const searchHandlers: HandlerMap<'search:global' | 'dashboard:summary' | 'receipts:consultation'> = {
  'search:global': async ({ query, limit }, { app }) => globalSearch(app.requireUnlocked(), query, limit),
  'dashboard:summary': async (_input, { app }) => dashboardSummary(app.requireUnlocked()),
  'receipts:consultation': async ({ consultationId, language }, { app }) => app.files.deliver(await consultationReceipt(app.requireUnlocked(), consultationId, language)),
};
