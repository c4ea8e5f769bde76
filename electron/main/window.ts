import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

// Window hardening: isolated, sandboxed renderer without Node; strict CSP; no navigation, no new
// windows, no permission grants, no remote content.

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Legal Aid Desk',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  harden(win.webContents);
  void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Nothing remote is ever loaded: every request that is not the app's own file is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    // blob: URLs are the files the app itself makes for saving (exports, filings, receipts).
    const allowed = ['file://', 'devtools://', 'data:', 'blob:'].some((scheme) => details.url.startsWith(scheme));
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

