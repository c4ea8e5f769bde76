import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { startAppHost } from '../app/appHost';
import { electronFileDialogs } from './fileDialogs';
import { bindIpc, isMainFrameOf } from './ipcBridge';
import { createMainWindow, hardenSession } from './window';

// The Electron entry: one instance, one hardened window, the plain-Node handlers (in the app worker,
// off the thread that serves the window) bound to IPC.

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const host = startAppHost({
    dataDir: process.env.LEGAL_AID_DATA_DIR ?? join(app.getPath('userData')),
    // Files are opened and saved by main through these dialogs, never sent across IPC as base64.
    fileDialogs: electronFileDialogs(() => mainWindow),
  });

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    hardenSession();
    bindIpc(host.dispatch, (event) => isMainFrameOf(mainWindow?.webContents ?? null, event));
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}
