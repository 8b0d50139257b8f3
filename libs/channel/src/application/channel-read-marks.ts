import { ChannelStore, MemberReadMark } from './ports/channel-store.port';

/**
 * Every member's read mark of a channel, lowest first, for chat's per-message unread counts:
 * one read per page, whatever the channel's size. No access rule: the caller checked it.
 */
export class ChannelReadMarks {
  constructor(private readonly channels: ChannelStore) {}

  of(channelId: string): Promise<MemberReadMark[]> {
    return this.channels.readMarksOf(channelId);
  }
}
