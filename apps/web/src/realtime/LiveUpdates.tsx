import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Contact, Member, Message, MyChannel } from '../api/types';
import { useSignedInUser } from '../auth/AuthContext';
import { channelKeys } from '../channels/channel-queries';
import { contactKeys } from '../contacts/contact-queries';
import type { MessageDeleted, Receipt } from './events';
import { useRealtime, useSocketEvent } from './RealtimeContext';

/**
 * Keeps the cached lists in step with the socket while signed in: my channels (last message,
 * unread badge), and the online dots of contacts and members. After a reconnection it asks the
 * server again for what may have changed meanwhile.
 */
export function LiveUpdates() {
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const { reconnects } = useRealtime();

  const updateChannel = useCallback(
    (channelId: string, change: (channel: MyChannel) => MyChannel) => {
      let known = false;
      queryClient.setQueryData<MyChannel[]>(channelKeys.mine, (channels) =>
        channels?.map((channel) => {
          if (channel.id !== channelId) return channel;
          known = true;
          return change(channel);
        }),
      );
      return known;
    },
    [queryClient],
  );

  useSocketEvent('message:new', (message: Message) => {
    const counts = message.senderId !== me.id && message.type !== 'SYSTEM';
    const known = updateChannel(message.channelId, (channel) =>
      channel.lastMessage && channel.lastMessage.seq >= message.seq
        ? channel
        : { ...channel, lastMessage: message, unreadCount: channel.unreadCount + (counts ? 1 : 0) },
    );
    if (!known) void queryClient.invalidateQueries({ queryKey: channelKeys.mine });
  });

  // An edit or a delete of a channel's newest message changes its preview.
  useSocketEvent('message:updated', (message: Message) => {
    updateChannel(message.channelId, (channel) => (channel.lastMessage?.id === message.id ? { ...channel, lastMessage: { ...channel.lastMessage, ...message } } : channel));
  });
  useSocketEvent('message:deleted', ({ channelId, id }: MessageDeleted) => {
    updateChannel(channelId, (channel) =>
      channel.lastMessage?.id === id ? { ...channel, lastMessage: { ...channel.lastMessage, text: '', deletedAt: new Date().toISOString() } } : channel,
    );
  });

  // My own read mark moved (in this tab or another): the badge follows it.
  useSocketEvent('receipt', (receipt: Receipt) => {
    if (receipt.userId !== me.id) return;
    updateChannel(receipt.channelId, (channel) =>
      !channel.lastMessage || channel.lastMessage.seq <= receipt.seq ? { ...channel, unreadCount: 0 } : channel,
    );
  });

  useSocketEvent('channel:added', () => void queryClient.invalidateQueries({ queryKey: channelKeys.mine }));

  useSocketEvent('presence', ({ userId, status }) => {
    const online = status === 'online';
    queryClient.setQueryData<Contact[]>(contactKeys.all, (contacts) => contacts?.map((c) => (c.id === userId ? { ...c, online } : c)));
    queryClient.setQueriesData<Member[]>({ queryKey: ['channels', 'members'] }, (members) =>
      members?.map((m) => (m.id === userId ? { ...m, online } : m)),
    );
  });

  useEffect(() => {
    if (reconnects === 0) return;
    // Badges, last messages and online states may all have changed while the socket was away.
    void queryClient.invalidateQueries({ queryKey: channelKeys.mine });
    void queryClient.invalidateQueries({ queryKey: ['channels', 'members'] });
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
  }, [reconnects, queryClient]);

  return null;
}
