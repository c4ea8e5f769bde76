import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import { FILE_KINDS, type FileKind } from '../../shared/api/files';
import type { FileDialogs } from '../app/fileTokens';

// The native open and save dialogs, attached to the app's window. Only what the user picks here ever
// becomes a path; everything after (tokens, size limits, reading, writing) is plain Node in fileTokens.ts.

export function electronFileDialogs(window: () => BrowserWindow | null): FileDialogs {
  async function show(kind: FileKind, multiple: boolean): Promise<string[]> {
    const extensions = [...FILE_KINDS[kind].extensions];
    const options: OpenDialogOptions = {
      properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: [{ name: extensions.map((e) => e.toUpperCase()).join(', '), extensions }],
    };
    const win = window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }
  return {
    async open(kind: FileKind) {
      return (await show(kind, false))[0] ?? null;
    },
    async openMany(kind: FileKind) {
      return show(kind, true);
    },
    async save(fileName: string) {
      // The suggested name comes from the app's own handler; basename keeps it a name, not a path.
      const name = basename(fileName);
      const extension = extname(name).slice(1);
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), name),
        ...(extension ? { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] } : {}),
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
