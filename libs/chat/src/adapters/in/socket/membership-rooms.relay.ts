import { ChannelEvent, ChannelResponse, GetChannel } from '@webchat/channel';
import type { Server } from 'socket.io';
import { hasLocalSockets } from './local-sockets';
import { channelRoom, userRoom } from './socket-rooms';

/**
 * Keeps this node's sockets in the rooms of their users' channels as memberships change on any
 * node, and tells a user's sockets of a channel they were added to (`channel:added`).
 */
export class MembershipRoomsRelay {
  constructor(
    private readonly server: Server,
    private readonly channels: GetChannel,
  ) {}

  async apply(event: ChannelEvent): Promise<void> {
    const room = channelRoom(event.channelId);
    if (event.type === 'members.added') {
      for (const userId of event.userIds.filter((id) => hasLocalSockets(this.server, id))) {
        this.server.in(userRoom(userId)).socketsJoin(room);
        const channel = await this.channels.execute(userId, event.channelId).catch(() => undefined);
        if (channel) this.server.to(userRoom(userId)).emit('channel:added', { channel: ChannelResponse.of(channel) });
      }
    } else if (event.type === 'member.removed') {
      this.server.in(userRoom(event.userId)).socketsLeave(room);
    } else {
      this.server.in(room).socketsLeave(room);
    }
  }
}
