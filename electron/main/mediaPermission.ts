import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

// The one permission the app's window is ever given: the camera, video only, when the app's own page asks
// for it (to photograph a client's papers). Everything else — the microphone, screen capture, location,
// notifications, USB, any other page or frame — is refused. Decided here without Electron, so that tests
// can ask it; window.ts hands every request and check of Electron's session to it.

/** A permission request or check of Electron's session, as window.ts reads it. */
export interface PermissionAsk {
  /** Electron's name of the permission ('media', 'geolocation', 'notifications', …). */
  permission: string;
  /** The URL of the frame that asks (a request's or check's `requestingUrl`). */
  requestingUrl: string | undefined;
  /** The URL of the page the asking window shows (`webContents.getURL()`); none when there is no window. */
  pageUrl: string | undefined;
  /** Whether the frame that asks is the page itself (the app never loads frames). */
  isMainFrame: boolean;
  /** A request's media types (`mediaTypes`) or a check's one (`mediaType`: video, audio or unknown). */
  mediaTypes: readonly string[];
}

/** The file a file: URL names, in the form the file system compares (null for any other URL). */
function filePathOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return null;
    parsed.hash = '';
    parsed.search = '';
    const path = normalize(fileURLToPath(parsed));
    // Windows names a file in any case; Chromium and Node may write its drive letter differently.
    return process.platform === 'win32' ? path.toLowerCase() : path;
  } catch {
    return null;
  }
}

/** Whether `url` is the app's own page (the file at `appPageUrl`; its address part after # aside). */
export function isAppPage(url: string | undefined, appPageUrl: string): boolean {
  const path = filePathOf(url);
  return path !== null && path === filePathOf(appPageUrl);
}

/** Whether to grant what is asked: only the camera, video only, to the app's own page in its own window. */
export function mayGrant(ask: PermissionAsk, appPageUrl: string): boolean {
  return (
    ask.permission === 'media' &&
    ask.isMainFrame &&
    isAppPage(ask.pageUrl, appPageUrl) &&
    isAppPage(ask.requestingUrl, appPageUrl) &&
    ask.mediaTypes.length > 0 &&
    ask.mediaTypes.every((type) => type === 'video')
  );
}
