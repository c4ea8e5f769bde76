import type { HandlerMap } from './types';

// The main process's own open and save dialogs (Electron). Paths stay in main: the renderer gets a
// token for a picked file and gives back the token of a made file (see electron/app/fileTokens.ts).

export const fileHandlers: HandlerMap<'files:open' | 'files:save'> = {
  'files:open': async ({ kind, multiple }, { app }) => {
    if (!multiple) return { file: await app.files.open(kind) };
    const files = await app.files.openMany(kind);
    return { file: files[0] ?? null, files };
  },
  'files:save': async ({ held }, { app }) => app.files.save(held),
};
