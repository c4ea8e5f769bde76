import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPage, mayGrant, type PermissionAsk } from '../../electron/main/mediaPermission';

// What Electron's session is told when a page asks for a permission: the camera, video only, for the
// app's own page in its own window; nothing else, for no one else.

const APP_PAGE = pathToFileURL(join('/opt', 'Legal Aid Desk', 'resources', 'app.asar', 'out', 'renderer', 'index.html')).href;
const camera: PermissionAsk = { permission: 'media', requestingUrl: `${APP_PAGE}#/clients/c1`, pageUrl: `${APP_PAGE}#/clients/c1`, isMainFrame: true, mediaTypes: ['video'] };

describe('the camera permission of the app’s window', () => {
  it('grants the camera to the app’s own page, at any of its addresses', () => {
    expect(mayGrant(camera, APP_PAGE)).toBe(true);
    expect(mayGrant({ ...camera, requestingUrl: APP_PAGE, pageUrl: `${APP_PAGE}?x=1#/cases` }, APP_PAGE)).toBe(true);
    // A space in the path, written as it is or as %20: the same file.
    expect(mayGrant({ ...camera, requestingUrl: APP_PAGE.replace(/%20/g, ' ') }, APP_PAGE)).toBe(true);
  });

  it('refuses the microphone, alone or with the camera, and a media ask that names no type', () => {
    expect(mayGrant({ ...camera, mediaTypes: ['audio'] }, APP_PAGE)).toBe(false);
    expect(mayGrant({ ...camera, mediaTypes: ['video', 'audio'] }, APP_PAGE)).toBe(false);
    expect(mayGrant({ ...camera, mediaTypes: ['unknown'] }, APP_PAGE)).toBe(false);
    expect(mayGrant({ ...camera, mediaTypes: [] }, APP_PAGE)).toBe(false);
  });

  it('refuses every other permission, even to the app’s own page', () => {
    for (const permission of ['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'usb', 'hid', 'serial', 'midi', 'pointerLock', 'fullscreen', 'unknown']) {
      expect(mayGrant({ ...camera, permission }, APP_PAGE), permission).toBe(false);
    }
  });

  it('refuses any other origin or file, a frame inside the page, and a check without a window', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:5173/#/clients', 'data:text/html,<video>', 'blob:file:///4f1c', 'devtools://devtools/bundled/inspector.html', 'file:///tmp/index.html', `${APP_PAGE}/../other.html`, 'not a url', undefined]) {
      expect(mayGrant({ ...camera, requestingUrl: url }, APP_PAGE), String(url)).toBe(false);
      expect(mayGrant({ ...camera, pageUrl: url }, APP_PAGE), String(url)).toBe(false);
    }
    expect(mayGrant({ ...camera, isMainFrame: false }, APP_PAGE)).toBe(false);
    expect(mayGrant({ ...camera, pageUrl: undefined }, APP_PAGE)).toBe(false);
  });

  it('knows the app’s page by its file, whatever follows it', () => {
    expect(isAppPage(`${APP_PAGE}#/reports?from=2024-01-01`, APP_PAGE)).toBe(true);
    expect(isAppPage(APP_PAGE.replace('index.html', 'index.htm'), APP_PAGE)).toBe(false);
    expect(isAppPage(APP_PAGE.replace('file://', 'https://'), APP_PAGE)).toBe(false);
  });
});
