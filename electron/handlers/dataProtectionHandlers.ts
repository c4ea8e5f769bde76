import { eraseClient, retentionReview } from '../services/dataProtection';
import type { HandlerMap } from './types';

export const dataProtectionHandlers: HandlerMap<'clients:erase' | 'cases:retentionReview'> = {
  'clients:erase': async ({ id }, { app }) => eraseClient(app.requireUnlocked(), id),
  'cases:retentionReview': async (_input, { app }) => retentionReview(app.requireUnlocked()),
};
