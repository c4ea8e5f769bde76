import { getSession, listSessions, saveSession, setSessionStatus } from '../../db/queries/mobileSessions';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

// Mobile legal-aid sessions (not to be confused with the login session of sessionHandlers.ts).
export const mobileSessionHandlers: HandlerMap<'sessions:list' | 'sessions:get' | 'sessions:save' | 'sessions:setStatus'> = {
  'sessions:list': async (input, { app }) => listSessions(app.requireSession().db, input),
  'sessions:get': async ({ id }, { app }) => getSession(app.requireSession().db, id),
  'sessions:save': async (input, { app }) => {
    const id = await withWrite(app, (ctx, s) => saveSession(ctx, input, s.installation.contactPointId));
    return getSession(app.requireSession().db, id);
  },
  'sessions:setStatus': async ({ id, status }, { app }) => {
    await withWrite(app, (ctx) => setSessionStatus(ctx, id, status));
    return getSession(app.requireSession().db, id);
  },
};
