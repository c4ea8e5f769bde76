import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { Dispatcher } from '../app/appHost';

// One of the two files allowed to import ipcMain/ipcRenderer. Binds every contract channel to the
// plain-Node dispatcher (in the app worker); calls from any frame other than the app's own main frame
// are refused.

export function bindIpc(dispatch: Dispatcher, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
      return dispatch(channel, input);
    });
  }
}

export function isMainFrameOf(contents: WebContents | null, event: IpcMainInvokeEvent): boolean {
  return contents !== null && event.sender === contents && event.senderFrame === contents.mainFrame;
}
