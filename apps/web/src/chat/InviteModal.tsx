import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import { errorText } from '../api/error-text';
import type { Member, Page, UserSummary } from '../api/types';
import { channelKeys } from '../channels/channel-queries';

/** Finds people by username (or exact email) and adds them to the channel. */
export function InviteModal({ channelId, members, opened, onClose }: { channelId: string; members: Member[]; opened: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const found = useQuery({
    queryKey: ['users', 'search', debounced],
    queryFn: ({ signal }) => api.get<Page<UserSummary>>(`/users/search?q=${encodeURIComponent(debounced)}&limit=10`, signal),
    enabled: opened && debounced !== '',
  });
  const invite = useMutation({
    mutationFn: (userId: string) => api.post<Member[]>(`/channels/${encodeURIComponent(channelId)}/members`, { userIds: [userId] }),
    onSuccess: (updated) => queryClient.setQueryData(channelKeys.members(channelId), updated),
  });
  const memberIds = new Set(members.map((member) => member.id));

  return (
    <Modal opened={opened} onClose={onClose} title="Invite people">
      <Stack>
        <TextInput label="Username or email" value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-autofocus />
        {(invite.error ?? found.error) && <Alert color="red" role="alert">{errorText(invite.error ?? found.error)}</Alert>}
        {found.data?.items.length === 0 && <Text size="sm" c="dimmed">Nobody found.</Text>}
        {found.data?.items.map((user) => (
          <Group key={user.id} justify="space-between">
            <Text>{user.username}</Text>
            {memberIds.has(user.id) ? (
              <Text size="sm" c="dimmed">Member</Text>
            ) : (
              <Button size="xs" aria-label={`Invite ${user.username}`} loading={invite.isPending && invite.variables === user.id} onClick={() => invite.mutate(user.id)}>
                Invite
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
