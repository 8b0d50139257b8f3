import { Title, Text } from '@mantine/core';

/** Placeholder: the wallet pages (balance, ledger, deposit, transfer, group wallets, reserved transfers) live in this folder. */
export function WalletPage() {
  return (
    <>
      <Title order={1} size="h2">Wallet</Title>
      <Text c="dimmed">The wallet pages are on their way.</Text>
    </>
  );
}
