import { Anchor, Badge, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from './ApiErrorAlert';
import { BalanceCard } from './BalanceCard';
import { LedgerTable } from './LedgerTable';
import { MoneyTabs } from './MoneyTabs';
import { useCurrentUserId } from './wallet-http';
import { useChannelMembers, useChannelWallets, useParticipants, useRefreshWallets } from './wallet-queries';

/** One group wallet: balance, deposits by participants, spending by its ADMIN, ledger, participants. */
export function GroupWalletView() {
  const { channelId = '', walletId = '' } = useParams();
  const me = useCurrentUserId();
  const refresh = useRefreshWallets();
  const wallets = useChannelWallets(channelId);
  const participants = useParticipants(walletId);
  const members = useChannelMembers(channelId);
  const back = (
    <Anchor component={Link} to={`/wallet/groups/${channelId}`}>
      Back to the channel's wallets
    </Anchor>
  );

  if (wallets.isPending || participants.isPending) return <Loader aria-label="Loading the group wallet" />;
  const wallet = wallets.data?.find((candidate) => candidate.id === walletId);
  if (wallets.isError || participants.isError) return <ApiErrorAlert error={wallets.error ?? participants.error} title="Group wallet not loaded" />;
  if (wallet === undefined || participants.data === null) {
    return (
      <Stack>
        <Text>This wallet is not one you take part in. Join it from the channel's wallets first.</Text>
        {back}
      </Stack>
    );
  }
  const names = new Map((members.data ?? []).map((member) => [member.id, member.username]));
  const isAdmin = participants.data.some((participant) => participant.userId === me && participant.role === 'ADMIN');

  return (
    <Stack gap="md">
      {back}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BalanceCard wallet={wallet} title={wallet.name ?? 'Group wallet'} onRefresh={() => void refresh()} refreshing={wallets.isFetching} />
        <MoneyTabs walletId={wallet.id} canSpend={isAdmin} />
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="participants-title">
        <Title order={2} size="h4" id="participants-title">
          Participants
        </Title>
        <List aria-labelledby="participants-title">
          {participants.data.map((participant) => (
            <List.Item key={participant.userId}>
              {names.get(participant.userId) ?? 'Former member'} {participant.userId === me && '(you)'}{' '}
              <Badge size="sm" variant={participant.role === 'ADMIN' ? 'filled' : 'light'}>
                {participant.role}
              </Badge>
            </List.Item>
          ))}
        </List>
      </Stack>
      <LedgerTable walletId={wallet.id} />
    </Stack>
  );
}
