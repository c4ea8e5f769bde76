import { listContactPoints, listStaff, saveContactPoint, saveStaff, setOwnContactPoint } from '../services/contactPoints';
import type { HandlerMap } from './types';

export const contactPointHandlers: HandlerMap<'contactPoints:list' | 'contactPoints:save' | 'contactPoints:setOwn' | 'staff:list' | 'staff:save'> = {
  'contactPoints:list': async ({ includeClosed }, { app }) => listContactPoints(app.requireUnlocked(), includeClosed),
  'contactPoints:save': async (input, { app }) => saveContactPoint(app.requireUnlocked(), input),
  'contactPoints:setOwn': async ({ contactPointId }, { app }) => {
    await setOwnContactPoint(app.requireUnlocked(), contactPointId);
    return app.status();
  },
  'staff:list': async ({ contactPointId, includeInactive }, { app }) => listStaff(app.requireUnlocked(), contactPointId, includeInactive),
  'staff:save': async (input, { app }) => saveStaff(app.requireUnlocked(), input),
};
