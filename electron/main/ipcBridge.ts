import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { AppContext } from '../app/appContext';
import { dispatch } from '../handlers/dispatch';

// One of the two files allowed to import ipcMain/ipcRenderer. Binds every contract channel to the
// plain-Node dispatcher; calls from any frame other than the app's own main frame are refused.

export function bindIpc(app: AppContext, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
      return dispatch(app, channel, input);
    });
  }
}

export function isMainFrameOf(contents: WebContents | null, event: IpcMainInvokeEvent): boolean {
  return contents !== null && event.sender === contents && event.senderFrame === contents.mainFrame;
}
