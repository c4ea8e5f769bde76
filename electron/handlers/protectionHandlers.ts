import { setCaseSensitive } from '../services/cases';
import { setClientSensitive } from '../services/clients';
import { checkConflicts, declineConflict } from '../services/conflicts';
import type { HandlerMap } from './types';

// The conflict-of-interest check of a case's respondent, and marking cases and clients sensitive.
export const protectionHandlers: HandlerMap<'cases:checkConflicts' | 'cases:declineConflict' | 'cases:setSensitive' | 'clients:setSensitive'> = {
  'cases:checkConflicts': async (input, { app }) => checkConflicts(app.requireUnlocked(), input),
  'cases:declineConflict': async (input, { app }) => declineConflict(app.requireUnlocked(), input),
  'cases:setSensitive': async (input, { app }) => setCaseSensitive(app.requireUnlocked(), input),
  'clients:setSensitive': async (input, { app }) => setClientSensitive(app.requireUnlocked(), input),
};
