import { mergeClients, saveClient, setAbandonedOverride } from '../../db/queries/clientWrite';
import { getClientDetail, listClients } from '../../db/queries/clients';
import { findDuplicates } from '../../db/queries/search';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const clientHandlers: HandlerMap<
  'clients:list' | 'clients:get' | 'clients:save' | 'clients:findDuplicates' | 'clients:merge' | 'clients:setAbandonedOverride'
> = {
  'clients:list': async (input, { app }) => listClients(app.requireSession().db, input),
  'clients:get': async ({ id }, { app }) => getClientDetail(app.requireSession().db, id),
  'clients:save': async (input, { app }) => {
    const id = await withWrite(app, (ctx) => saveClient(ctx, input));
    return getClientDetail(app.requireSession().db, id);
  },
  'clients:findDuplicates': async (input, { app }) => findDuplicates(app.requireSession().db, input),
  'clients:merge': async ({ keepId, mergeId }, { app }) => {
    await withWrite(app, (ctx) => mergeClients(ctx, keepId, mergeId));
    return getClientDetail(app.requireSession().db, keepId);
  },
  'clients:setAbandonedOverride': async ({ clientId, override, reason }, { app }) => {
    await withWrite(app, (ctx) => setAbandonedOverride(ctx, clientId, override, reason));
    return getClientDetail(app.requireSession().db, clientId);
  },
};
