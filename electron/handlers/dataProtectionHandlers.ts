import { eraseClient } from '../../db/queries/erase';
import { casesForRetentionReview } from '../../db/queries/retention';
import { todayIso } from '../../shared/domain/dates';
import { readSettings } from '../app/settings';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const dataProtectionHandlers: HandlerMap<'clients:erase' | 'cases:retentionReview'> = {
  'clients:erase': async ({ id }, { app }) => withWrite(app, (ctx) => eraseClient(ctx, id)),
  'cases:retentionReview': async (_input, { app }) => {
    const s = app.requireSession();
    return casesForRetentionReview(s.db, (await readSettings(s.db)).retentionYears, todayIso());
  },
};
