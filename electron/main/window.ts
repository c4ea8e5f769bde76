import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { mayGrant } from './mediaPermission';

// Window hardening: isolated, sandboxed renderer without Node; strict CSP; no navigation, no new
// windows, no permission grants but the camera for the app's own page, no remote content.

/** The app's one page: nothing else is ever loaded. */
const APP_PAGE = join(__dirname, '../renderer/index.html');

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
  void win.loadFile(APP_PAGE);
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
  // The one grant: the camera (video only) for the app's own page, to photograph a client's papers
  // (mediaPermission.ts decides). Electron grants whatever is asked where no handler says otherwise, so
  // both requests and checks go through the same decision.
  const appPage = pathToFileURL(APP_PAGE).href;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(mayGrant({ permission, requestingUrl: details.requestingUrl, pageUrl: wc.getURL(), isMainFrame: details.isMainFrame, mediaTypes }, appPage));
  });
  ses.setPermissionCheckHandler((wc, permission, _origin, details) =>
    mayGrant({ permission, requestingUrl: details.requestingUrl, pageUrl: wc?.getURL(), isMainFrame: details.isMainFrame, mediaTypes: details.mediaType ? [details.mediaType] : [] }, appPage),
  );
  // Devices reached without a permission prompt (USB, serial, HID): none.
  ses.setDevicePermissionHandler(() => false);
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

