import { completeTask, getCase, listCases, postponeHearing, removeHearing, removeTask, saveCase, saveHearing, saveTask, setCaseStatus } from '../services/cases';
import type { HandlerMap } from './types';

export const caseHandlers: HandlerMap<
  | 'cases:list'
  | 'cases:get'
  | 'cases:save'
  | 'cases:setStatus'
  | 'cases:saveHearing'
  | 'cases:postponeHearing'
  | 'cases:removeHearing'
  | 'cases:saveTask'
  | 'cases:completeTask'
  | 'cases:removeTask'
> = {
  'cases:list': async (input, { app }) => listCases(app.requireUnlocked(), input),
  'cases:get': async ({ id }, { app }) => getCase(app.requireUnlocked(), id),
  'cases:save': async (input, { app }) => saveCase(app.requireUnlocked(), input),
  'cases:setStatus': async (input, { app }) => setCaseStatus(app.requireUnlocked(), input),
  'cases:saveHearing': async (input, { app }) => saveHearing(app.requireUnlocked(), input),
  'cases:postponeHearing': async (input, { app }) => postponeHearing(app.requireUnlocked(), input),
  'cases:removeHearing': async (input, { app }) => removeHearing(app.requireUnlocked(), input),
  'cases:saveTask': async (input, { app }) => saveTask(app.requireUnlocked(), input),
  'cases:completeTask': async (input, { app }) => completeTask(app.requireUnlocked(), input),
  'cases:removeTask': async (input, { app }) => removeTask(app.requireUnlocked(), input),
};
