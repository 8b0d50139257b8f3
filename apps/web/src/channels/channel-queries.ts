import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Channel, Member, MyChannel, Page } from '../api/types';

export const channelKeys = {
  mine: ['channels', 'mine'] as const,
  one: (id: string) => ['channels', 'one', id] as const,
  members: (id: string) => ['channels', 'members', id] as const,
  search: (q: string) => ['channels', 'search', q] as const,
};

export function useMyChannels() {
  return useQuery({ queryKey: channelKeys.mine, queryFn: ({ signal }) => api.get<MyChannel[]>('/channels', signal), select: byLatestActivity });
}

export function useChannel(id: string) {
  return useQuery({ queryKey: channelKeys.one(id), queryFn: ({ signal }) => api.get<Channel>(`/channels/${encodeURIComponent(id)}`, signal) });
}

export function useMembers(id: string) {
  return useQuery({ queryKey: channelKeys.members(id), queryFn: ({ signal }) => api.get<Member[]>(`/channels/${encodeURIComponent(id)}/members`, signal) });
}

export function useChannelSearch(q: string) {
  return useQuery({
    queryKey: channelKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<Channel>>(`/channels/search?q=${encodeURIComponent(q.trim())}&limit=20`, signal),
    enabled: q.trim() !== '',
  });
}

/** Joins (a private channel with its password) and refreshes my channels. */
export function useJoinChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password?: string }) =>
      api.post<Channel>(`/channels/${encodeURIComponent(id)}/join`, password ? { password } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelKeys.mine }),
  });
}

/** Channels with the latest message first; channels without messages by when they were made. */
function byLatestActivity(channels: MyChannel[]): MyChannel[] {
  const at = (channel: MyChannel) => channel.lastMessage?.createdAt ?? channel.createdAt;
  return [...channels].sort((a, b) => at(b).localeCompare(at(a)));
}

/** What a channel is called: its name, or for a direct chat the other person's name. */
export function channelTitle(channel: Pick<Channel, 'kind' | 'name'>, members?: Member[], meId?: string): string {
  if (channel.kind === 'GROUP') return channel.name ?? 'Channel';
  const other = members?.find((member) => member.id !== meId);
  return other ? other.username : 'Direct chat';
}
