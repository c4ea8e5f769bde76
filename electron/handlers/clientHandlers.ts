import { getClient, listClients, mergeClients, saveClient, setAbandonedOverride } from '../services/clients';
import { findDuplicates } from '../services/search';
import type { HandlerMap } from './types';

export const clientHandlers: HandlerMap<
  'clients:list' | 'clients:get' | 'clients:save' | 'clients:findDuplicates' | 'clients:merge' | 'clients:setAbandonedOverride'
> = {
  'clients:list': async (input, { app }) => listClients(app.requireUnlocked(), input),
  'clients:get': async ({ id }, { app }) => getClient(app.requireUnlocked(), id),
  'clients:save': async (input, { app }) => saveClient(app.requireUnlocked(), input),
  'clients:findDuplicates': async (input, { app }) => findDuplicates(app.requireUnlocked(), input),
  'clients:merge': async (input, { app }) => mergeClients(app.requireUnlocked(), input),
  'clients:setAbandonedOverride': async (input, { app }) => setAbandonedOverride(app.requireUnlocked(), input),
};
