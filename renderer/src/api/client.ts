import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import type { ErrorInfo } from '../../../shared/api/errors';

// The renderer's only way to the app's logic. In Electron the preload exposes one function per
// channel on window.legalAid; in browser mode the same calls go to the loopback bridge with the
// per-launch token the address carried in its fragment.

type PreloadApi = Record<string, (input: unknown) => Promise<Envelope<unknown>>>;

declare global {
  interface Window {
    legalAid?: PreloadApi;
  }
}

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo | { code: 'NETWORK'; message: string; fields?: undefined; params?: undefined }) {
    super(info.message);
  }
}

const TOKEN_KEY = 'legal-aid-bridge-token';

function bridgeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    // Drop the token from the address bar (and from history) once read.
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function viaHttp(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': bridgeToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK', message: 'Bridge unreachable' });
  }
  if (!res.ok && res.headers.get('content-type')?.startsWith('application/json') !== true) {
    throw new ApiError({ code: 'NETWORK', message: `Bridge answered ${res.status}` });
  }
  return (await res.json()) as Envelope<unknown>;
}

/** Answers after which the app is no longer in the state the screen shows (locked, or damaged). */
const STATE_CHANGES = new Set<string>(['LOCKED', 'DATABASE_CORRUPT']);
let onStateChange: (() => void) | null = null;

/** The one listener told when a call's answer means the app's state changed under the screen. */
export function setStateChangeListener(listener: (() => void) | null): void {
  onStateChange = listener;
}

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const preload = window.legalAid;
  const envelope = preload ? await preload[channel]!(input) : await viaHttp(channel, input);
  if (!envelope.ok) {
    if (STATE_CHANGES.has(envelope.error.code)) onStateChange?.();
    throw new ApiError(envelope.error);
  }
  return envelope.value as ChannelOutput<C>;
}

// Read the token at start-up, before anything rewrites the address.
if (typeof window !== 'undefined' && !window.legalAid) bridgeToken();
