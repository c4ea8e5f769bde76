import type { UserRole } from '../domain/enums';
import { can } from '../domain/permissions';
import { contract, type ChannelName } from './contract';

/**
 * Whether a signed-in role may call a channel: the channel's access rule in the contract read against
 * the permission table, the same pair the dispatcher enforces. Screens use it to offer only what the
 * role can do; the dispatcher still refuses everything else.
 */
export function mayCall(role: UserRole | null | undefined, channel: ChannelName): boolean {
  const access = contract[channel].access;
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signedIn' || can(role, access);
}
