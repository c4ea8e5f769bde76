import type { ChannelName, ChannelOutput, ChannelParsed } from '../../shared/api/contract';
import type { AppContext } from '../app/appContext';

export interface HandlerContext {
  app: AppContext;
}

export type Handler<C extends ChannelName> = (input: ChannelParsed<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

/** The handlers of one area (`area:*` channels). */
export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };
