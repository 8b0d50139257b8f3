/**
 * Membership changes, published so every server node can move its sockets in
 * or out of the channel's room and tell users about channels they were added to.
 */
export type ChannelEvent =
  | {
      readonly type: 'members.added';
      readonly channelId: string;
      readonly userIds: readonly string[];
      readonly reason: 'CREATED' | 'JOINED' | 'INVITED' | 'DIRECT_OPENED';
    }
  | { readonly type: 'member.removed'; readonly channelId: string; readonly userId: string }
  | { readonly type: 'channel.deleted'; readonly channelId: string };
