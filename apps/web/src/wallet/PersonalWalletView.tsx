import { Loader, SimpleGrid, Stack } from '@mantine/core';
import { ApiErrorAlert } from './ApiErrorAlert';
import { BalanceCard } from './BalanceCard';
import { LedgerTable } from './LedgerTable';
import { MoneyTabs } from './MoneyTabs';
import { OpenWalletForm } from './OpenWalletForm';
import { useMyWallet, useRefreshWallets } from './wallet-queries';

export function PersonalWalletView() {
  const wallet = useMyWallet();
  const refresh = useRefreshWallets();
  if (wallet.isPending) return <Loader aria-label="Loading your wallet" />;
  if (wallet.isError) return <ApiErrorAlert error={wallet.error} title="Wallet not loaded" />;
  if (wallet.data === null) return <OpenWalletForm />;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BalanceCard wallet={wallet.data} title="My wallet" onRefresh={() => void refresh()} refreshing={wallet.isFetching} />
        <MoneyTabs walletId={wallet.data.id} canSpend />
      </SimpleGrid>
      <LedgerTable walletId={wallet.data.id} />
    </Stack>
  );
}
