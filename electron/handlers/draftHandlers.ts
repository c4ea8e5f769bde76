import { discardDraft, getDraft, putDraft } from '../services/drafts';
import type { HandlerMap } from './types';

export const draftHandlers: HandlerMap<'drafts:get' | 'drafts:put' | 'drafts:discard'> = {
  'drafts:get': async ({ formKey }, { app }) => getDraft(app.requireUnlocked(), formKey),
  'drafts:put': async (input, { app }) => putDraft(app.requireUnlocked(), input),
  'drafts:discard': async ({ formKey }, { app }) => discardDraft(app.requireUnlocked(), formKey),
};
