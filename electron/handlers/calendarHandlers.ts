import { caseload } from '../services/caseAssignment';
import { calendarRange, calendarReminders, caseHolders, hearingsIcs } from '../services/calendar';
import { transferCase } from '../services/cases';
import type { HandlerMap } from './types';

export const calendarHandlers: HandlerMap<'calendar:range' | 'calendar:reminders' | 'calendar:lawyers' | 'calendar:export' | 'cases:transfer' | 'cases:caseload'> = {
  'calendar:range': async (input, { app }) => calendarRange(app.requireUnlocked(), input),
  'calendar:reminders': async (_input, { app }) => calendarReminders(app.requireUnlocked()),
  'calendar:lawyers': async (_input, { app }) => caseHolders(app.requireUnlocked()),
  'calendar:export': async (input, { app }) => {
    const { fileName, mimeType, bytes } = await hearingsIcs(app.requireUnlocked(), input);
    return app.files.deliver({ fileName, mimeType, bytes });
  },
  'cases:transfer': async (input, { app }) => transferCase(app.requireUnlocked(), input),
  'cases:caseload': async (input, { app }) => caseload(app.requireUnlocked(), input),
};
