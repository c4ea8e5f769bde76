import { getSession, listSessions, saveSession, setSessionStatus } from '../services/mobileSessions';
import type { HandlerMap } from './types';

// Mobile legal-aid sessions (not to be confused with the login session of sessionHandlers.ts).
export const mobileSessionHandlers: HandlerMap<'sessions:list' | 'sessions:get' | 'sessions:save' | 'sessions:setStatus'> = {
  'sessions:list': async (input, { app }) => listSessions(app.requireSession(), input),
  'sessions:get': async ({ id }, { app }) => getSession(app.requireSession(), id),
  'sessions:save': async (input, { app }) => saveSession(app.requireSession(), input),
  'sessions:setStatus': async ({ id, status }, { app }) => setSessionStatus(app.requireSession(), id, status),
};
