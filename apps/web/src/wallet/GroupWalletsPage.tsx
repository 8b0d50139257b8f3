import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from './ApiErrorAlert';
import { CreateGroupWalletForm } from './CreateGroupWalletForm';
import { formatWon } from './amount';
import { useWalletApi } from './wallet-http';
import { useChannels, useChannelWallets, useParticipants, useRefreshWallets } from './wallet-queries';
import type { Wallet } from './wallet-types';

/** Group wallets of one of my channels: pick the channel, see its wallets, create one, join one. */
export function GroupWalletsPage() {
  const { channelId = null } = useParams();
  const navigate = useNavigate();
  const channels = useChannels();
  const wallets = useChannelWallets(channelId);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Group wallets
      </Title>
      <ApiErrorAlert error={channels.error} title="Channels not loaded" />
      <NativeSelect
        label="Channel"
        maw={480}
        description="Group wallets belong to a channel; its members may join them"
        value={channelId ?? ''}
        onChange={(event) => navigate(event.currentTarget.value === '' ? '/wallet/groups' : `/wallet/groups/${event.currentTarget.value}`)}
        data={[
          { value: '', label: channels.isLoading ? 'Loading channels…' : 'Choose a channel' },
          ...(channels.data ?? []).map((channel) => ({ value: channel.id, label: channel.name ?? 'Direct chat' })),
        ]}
      />
      {channels.isSuccess && channels.data.length === 0 && <Text c="dimmed">You are in no channel yet: join or create one first.</Text>}
      {channelId !== null && (
        <>
          <ApiErrorAlert error={wallets.error} title="Group wallets not loaded" />
          {wallets.isSuccess && wallets.data.length === 0 && <Text c="dimmed">This channel has no group wallet yet.</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {(wallets.data ?? []).map((wallet) => (
              <GroupWalletCard key={wallet.id} wallet={wallet} channelId={channelId} />
            ))}
          </SimpleGrid>
          <CreateGroupWalletForm channelId={channelId} />
        </>
      )}
    </Stack>
  );
}

function GroupWalletCard({ wallet, channelId }: { wallet: Wallet; channelId: string }) {
  const api = useWalletApi();
  const refresh = useRefreshWallets();
  const participants = useParticipants(wallet.id);
  const join = useMutation({ mutationFn: () => api.joinGroupWallet(wallet.id), onSuccess: () => refresh() });
  const name = wallet.name ?? 'Group wallet';
  const joined = participants.data !== null && participants.data !== undefined;

  return (
    <Card withBorder padding="md" radius="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {name}
          </Title>
          <Text fw={700}>{formatWon(wallet.balance)}</Text>
        </Group>
        {wallet.description && <Text size="sm">{wallet.description}</Text>}
        {joined && (
          <Text size="sm" c="dimmed">
            {participants.data!.length} participant{participants.data!.length === 1 ? '' : 's'}
          </Text>
        )}
        <Group gap="xs">
          {joined ? (
            <Anchor component={Link} to={`/wallet/groups/${channelId}/${wallet.id}`} aria-label={`Open ${name}`}>
              Open
            </Anchor>
          ) : (
            participants.isSuccess && (
              <Button size="xs" onClick={() => join.mutate()} loading={join.isPending} aria-label={`Join ${name}`}>
                Join
              </Button>
            )
          )}
          {joined && <Badge variant="light">Joined</Badge>}
        </Group>
        <ApiErrorAlert error={join.error ?? participants.error} title="Not done" />
      </Stack>
    </Card>
  );
}
