import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { formatWon } from './amount';
import type { Wallet } from './wallet-types';

/** The balance and the wallet id to share, so others can send money here. */
export function BalanceCard({ wallet, title, onRefresh, refreshing }: { wallet: Wallet; title: string; onRefresh: () => void; refreshing: boolean }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`balance-${wallet.id}`} style={{ alignSelf: 'start' }}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={`balance-${wallet.id}`}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          Balance
        </Text>
        <Text fz={32} fw={700} data-testid="wallet-balance" aria-live="polite">
          {formatWon(wallet.balance)}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">Wallet id</Text>
          <Code data-testid="wallet-id" style={{ wordBreak: 'break-all' }}>
            {wallet.id}
          </Code>
        </Group>
        <Group gap="xs">
          <CopyButton value={wallet.id}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} aria-label="Copy wallet id">
                {copied ? 'Copied' : 'Copy wallet id'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onRefresh} loading={refreshing} aria-label="Refresh balance and ledger">
            Refresh
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
