import type { HandlerMap } from './types';

// The main process's own open and save dialogs (Electron). Paths stay in main: the renderer gets a
// token for a picked file and gives back the token of a made file (see electron/app/fileTokens.ts).

export const fileHandlers: HandlerMap<'files:open' | 'files:save'> = {
  'files:open': async ({ kind }, { app }) => ({ file: await app.files.open(kind) }),
  'files:save': async ({ held }, { app }) => app.files.save(held),
};
