import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router-dom';
import { errorText } from '../api/error-text';
import { useMyChannels } from './channel-queries';
import { ChannelRow } from './ChannelRow';
import { CreateChannelModal } from './CreateChannelModal';
import { FindChannels } from './FindChannels';

/** My channels (newest activity first, unread badges), creating one, finding and joining others. */
export function ChannelsPage() {
  const channels = useMyChannels();
  const [creating, { open, close }] = useDisclosure(false);

  return (
    <Stack gap="lg" maw={720}>
      <section aria-labelledby="my-channels">
        <Group justify="space-between" mb="sm">
          <Title order={1} size="h3" id="my-channels">My channels</Title>
          <Button onClick={open}>New channel</Button>
        </Group>
        {channels.isPending && <Loader size="sm" aria-label="Loading channels" />}
        {channels.error && <Alert color="red" role="alert">{errorText(channels.error)}</Alert>}
        {channels.data?.length === 0 && <Text c="dimmed">No channels yet: create one, find one below, or open a chat from your contacts.</Text>}
        <ChannelList />
      </section>
      <section aria-label="Find channels">
        <FindChannels />
      </section>
      <CreateChannelModal opened={creating} onClose={close} />
    </Stack>
  );
}

export function ChannelList() {
  const channels = useMyChannels();
  const { channelId } = useParams();
  return (
    <Stack gap={6} component="nav" aria-label="My channels">
      {channels.data?.map((channel) => <ChannelRow key={channel.id} channel={channel} active={channel.id === channelId} />)}
    </Stack>
  );
}
