import { getSession, listSessions, saveSession, setSessionStatus } from '../services/mobileSessions';
import type { HandlerMap } from './types';

// Mobile legal-aid sessions (not to be confused with the login session of sessionHandlers.ts).
export const mobileSessionHandlers: HandlerMap<'mobileSessions:list' | 'mobileSessions:get' | 'mobileSessions:save' | 'mobileSessions:setStatus'> = {
  'mobileSessions:list': async (input, { app }) => listSessions(app.requireUnlocked(), input),
  'mobileSessions:get': async ({ id }, { app }) => getSession(app.requireUnlocked(), id),
  'mobileSessions:save': async (input, { app }) => saveSession(app.requireUnlocked(), input),
  'mobileSessions:setStatus': async ({ id, status }, { app }) => setSessionStatus(app.requireUnlocked(), id, status),
};
