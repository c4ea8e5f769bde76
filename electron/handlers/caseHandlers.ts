import { getCaseDetail, listCases, saveCase, setCaseStatus } from '../../db/queries/cases';
import { completeTask, saveHearing, saveTask } from '../../db/queries/caseWork';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const caseHandlers: HandlerMap<
  'cases:list' | 'cases:get' | 'cases:save' | 'cases:setStatus' | 'cases:saveHearing' | 'cases:saveTask' | 'cases:completeTask'
> = {
  'cases:list': async (input, { app }) => listCases(app.requireSession().db, input),
  'cases:get': async ({ id }, { app }) => getCaseDetail(app.requireSession().db, id),
  'cases:save': async (input, { app }) => {
    const id = await withWrite(app, (ctx, s) => saveCase(ctx, input, s.installation.contactPointId));
    return getCaseDetail(app.requireSession().db, id);
  },
  'cases:setStatus': async (input, { app }) => {
    await withWrite(app, (ctx) => setCaseStatus(ctx, input));
    return getCaseDetail(app.requireSession().db, input.id);
  },
  'cases:saveHearing': async (input, { app }) => withWrite(app, (ctx) => saveHearing(ctx, input)),
  'cases:saveTask': async (input, { app }) => withWrite(app, (ctx) => saveTask(ctx, input)),
  'cases:completeTask': async ({ id, done, doneOn }, { app }) => withWrite(app, (ctx) => completeTask(ctx, id, done, doneOn)),
};
