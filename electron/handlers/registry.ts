import { CHANNELS, type ChannelName } from '../../shared/api/contract';
import { appHandlers } from './appHandlers';
import { calendarHandlers } from './calendarHandlers';
import { caseHandlers } from './caseHandlers';
import { protectionHandlers } from './protectionHandlers';
import { clientHandlers } from './clientHandlers';
import { consultationHandlers } from './consultationHandlers';
import { contactPointHandlers } from './contactPointHandlers';
import { exchangeHandlers } from './exchangeHandlers';
import { hubStoreHandlers } from './hubStoreHandlers';
import { fileHandlers } from './fileHandlers';
import { filingsHandlers } from './filingsHandlers';
import { mobileSessionHandlers } from './mobileSessionHandlers';
import { reportHandlers } from './reportHandlers';
import { searchHandlers } from './searchHandlers';
import { dataProtectionHandlers } from './dataProtectionHandlers';
import { draftHandlers } from './draftHandlers';
import { securityHandlers } from './securityHandlers';
import { updateHandlers } from './updateHandlers';
import { loginHandlers } from './loginHandlers';
import { recoveryHandlers } from './recoveryHandlers';
import type { Handler } from './types';

// Every area declares its handler map; they are merged here. A channel handled twice, or a contract
// channel without a handler, stops the app at start-up rather than failing at the first call.

const AREAS: Record<string, object>[] = [
  // Reports and register import.
  reportHandlers,
  appHandlers,
  loginHandlers,
  recoveryHandlers,
  securityHandlers,
  dataProtectionHandlers,
  updateHandlers,
  // Case tracking.
  contactPointHandlers,
  mobileSessionHandlers,
  clientHandlers,
  consultationHandlers,
  caseHandlers,
  protectionHandlers,
  calendarHandlers,
  searchHandlers,
  // Unsaved form entries.
  draftHandlers,
  // Filings.
  filingsHandlers,
  // Exchange between installations and the hub.
  exchangeHandlers,
  hubStoreHandlers,
  fileHandlers,
];

function build(): Map<ChannelName, Handler<ChannelName>> {
  const map = new Map<ChannelName, Handler<ChannelName>>();
  for (const area of AREAS) {
    for (const [name, handler] of Object.entries(area)) {
      if (map.has(name as ChannelName)) throw new Error(`Channel ${name} has two handlers`);
      map.set(name as ChannelName, handler as Handler<ChannelName>);
    }
  }
  const missing = CHANNELS.filter((c) => !map.has(c));
  if (missing.length) throw new Error(`Channels without a handler: ${missing.join(', ')}`);
  return map;
}

export const HANDLERS = build();
