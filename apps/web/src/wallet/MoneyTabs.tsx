import { Card, Tabs, Text } from '@mantine/core';
import { DepositForm } from './DepositForm';
import { TransferForm } from './TransferForm';
import { WithdrawForm } from './WithdrawForm';

/** Deposit for anyone allowed to pay in; withdraw and transfer only for who may spend (the owner, a group wallet's ADMIN). */
export function MoneyTabs({ walletId, canSpend }: { walletId: string; canSpend: boolean }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Tabs defaultValue="deposit" keepMounted={false}>
        <Tabs.List grow aria-label="Move money">
          <Tabs.Tab value="deposit">Deposit</Tabs.Tab>
          {canSpend && <Tabs.Tab value="withdraw">Withdraw</Tabs.Tab>}
          {canSpend && <Tabs.Tab value="transfer">Transfer</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="deposit" pt="md">
          <DepositForm walletId={walletId} />
          {!canSpend && (
            <Text size="sm" c="dimmed" mt="sm">
              Only the wallet's ADMIN may withdraw or transfer from it.
            </Text>
          )}
        </Tabs.Panel>
        {canSpend && (
          <Tabs.Panel value="withdraw" pt="md">
            <WithdrawForm walletId={walletId} />
          </Tabs.Panel>
        )}
        {canSpend && (
          <Tabs.Panel value="transfer" pt="md">
            <TransferForm fromWalletId={walletId} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Card>
  );
}
