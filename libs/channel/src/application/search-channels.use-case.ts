import { ChannelView } from '../domain/channel';
import { ChannelStore } from './ports/channel-store.port';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

/** Public GROUP channels only: never private, never direct. */
export class SearchChannels {
  constructor(private readonly channels: ChannelStore) {}

  execute(query: string, limit = SEARCH_DEFAULT_LIMIT): Promise<ChannelView[]> {
    return this.channels.searchPublic(query.trim(), Math.min(Math.max(limit, 1), SEARCH_MAX_LIMIT));
  }
}
