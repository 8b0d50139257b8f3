import { FormEvent, useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text';
import type { Channel } from '../api/types';
import { useChannelSearch, useJoinChannel, useMyChannels } from './channel-queries';

/** Search public channels and join one; a private channel is joined by its id and password. */
export function FindChannels() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const results = useChannelSearch(debounced);
  const mine = new Set((useMyChannels().data ?? []).map((channel) => channel.id));

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">Find channels</Title>
      <TextInput label="Search public channels" placeholder="Channel name" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {results.error && <Alert color="red" role="alert">{errorText(results.error)}</Alert>}
      {results.data && (
        <Stack gap={6} aria-label="Search results" role="list">
          {results.data.items.length === 0 && <Text c="dimmed" size="sm">No public channel matches “{debounced}”.</Text>}
          {results.data.items.map((channel) => (
            <SearchResult key={channel.id} channel={channel} member={mine.has(channel.id)} />
          ))}
        </Stack>
      )}
      <JoinPrivateChannel />
    </Stack>
  );
}

function SearchResult({ channel, member }: { channel: Channel; member: boolean }) {
  const navigate = useNavigate();
  const join = useJoinChannel();
  return (
    <Group justify="space-between" wrap="nowrap" role="listitem">
      <div style={{ minWidth: 0 }}>
        <Text fw={600} truncate># {channel.name}</Text>
        <Text size="xs" c="dimmed">{channel.memberCount} members{channel.description ? ` · ${channel.description}` : ''}</Text>
        {join.error && <Text size="xs" c="red" role="alert">{errorText(join.error)}</Text>}
      </div>
      {member ? (
        <Button size="xs" variant="default" onClick={() => navigate(`/channels/${channel.id}`)} aria-label={`Open ${channel.name}`}>Open</Button>
      ) : (
        <Button
          size="xs"
          loading={join.isPending}
          aria-label={`Join ${channel.name}`}
          onClick={() => join.mutate({ id: channel.id }, { onSuccess: () => navigate(`/channels/${channel.id}`) })}
        >
          Join
        </Button>
      )}
    </Group>
  );
}

function JoinPrivateChannel() {
  const navigate = useNavigate();
  const join = useJoinChannel();
  const [id, setId] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    join.mutate({ id: id.trim(), password }, { onSuccess: () => navigate(`/channels/${id.trim()}`) });
  }

  return (
    <form onSubmit={submit} aria-label="Join a private channel">
      <Stack gap="xs">
        <Title order={3} size="h5">Join a private channel</Title>
        {join.error && <Alert color="red" role="alert">{errorText(join.error)}</Alert>}
        <Group grow align="end" wrap="wrap">
          <TextInput label="Channel ID" required value={id} onChange={(e) => setId(e.currentTarget.value)} />
          <PasswordInput label="Channel password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        </Group>
        <Button type="submit" variant="light" loading={join.isPending}>Join private channel</Button>
      </Stack>
    </form>
  );
}
