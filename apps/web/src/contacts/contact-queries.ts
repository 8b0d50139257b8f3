import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Channel, Contact } from '../api/types';
import { channelKeys } from '../channels/channel-queries';

export const contactKeys = { all: ['contacts'] as const };

export function useContacts() {
  return useQuery({ queryKey: contactKeys.all, queryFn: ({ signal }) => api.get<Contact[]>('/contacts', signal) });
}

export function useAddContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<Contact>('/contacts', { email }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export function useRemoveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/contacts/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

/** The one direct channel with a user (the server answers the same one every time). */
export function useOpenDirect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<Channel>('/channels/direct', { userId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelKeys.mine }),
  });
}
