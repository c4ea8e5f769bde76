import { completeTask, getCase, listCases, saveCase, saveHearing, saveTask, setCaseStatus } from '../services/cases';
import type { HandlerMap } from './types';

export const caseHandlers: HandlerMap<
  'cases:list' | 'cases:get' | 'cases:save' | 'cases:setStatus' | 'cases:saveHearing' | 'cases:saveTask' | 'cases:completeTask'
> = {
  'cases:list': async (input, { app }) => listCases(app.requireSession(), input),
  'cases:get': async ({ id }, { app }) => getCase(app.requireSession(), id),
  'cases:save': async (input, { app }) => saveCase(app.requireSession(), input),
  'cases:setStatus': async (input, { app }) => setCaseStatus(app.requireSession(), input),
  'cases:saveHearing': async (input, { app }) => saveHearing(app.requireSession(), input),
  'cases:saveTask': async (input, { app }) => saveTask(app.requireSession(), input),
  'cases:completeTask': async (input, { app }) => completeTask(app.requireSession(), input),
};
