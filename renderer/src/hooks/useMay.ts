import { useQueryClient } from '@tanstack/react-query';
import { mayCall } from '../../../shared/api/access';
import type { ChannelName } from '../../../shared/api/channels';
import type { AppStatus } from '../../../shared/api/types';
import { STATUS_KEY } from './useAppStatus';

/**
 * Whether the signed-in user's role may call a channel: screens show a write button only when its
 * channel would accept the call, so nobody is offered work that is refused at the last step.
 */
export function useMay(): (channel: ChannelName) => boolean {
  const role = useQueryClient().getQueryData<AppStatus>(STATUS_KEY)?.user?.role;
  return (channel) => mayCall(role, channel);
}
