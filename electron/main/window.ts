import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

// Window hardening: isolated, sandboxed renderer without Node; strict CSP; no navigation, no new
// windows, no permission grants but the camera for the app's own page, no remote content.

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

/** The app's own page: a file:// URL in its main frame (nothing else is ever loaded). */
function isOwnPage(contents: WebContents, url: string | undefined): boolean {
  return !!url && url.startsWith('file://') && contents.getURL().startsWith('file://') && contents.mainFrame.url.startsWith('file://');
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  // The one grant: the camera (video only) for the app's own page, to photograph a client's papers.
  // Nothing else, and nothing for any other origin; the pictures never leave the page except to be stored.
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === 'media' && isOwnPage(wc, details.requestingUrl) && mediaTypes.length > 0 && mediaTypes.every((m) => m === 'video'));
  });
  ses.setPermissionCheckHandler((wc, permission, requestingOrigin, details) => {
    return permission === 'media' && wc !== null && isOwnPage(wc, details.requestingUrl ?? requestingOrigin) && (!details.mediaType || details.mediaType === 'video');
  });
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

