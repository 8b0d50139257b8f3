import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from './ApiErrorAlert';
import { formatWon } from './amount';
import { useEntries } from './wallet-queries';
import type { EntryType } from './wallet-types';

const TYPE_LABEL: Record<EntryType, string> = {
  DEPOSIT: 'Deposit',
  WITHDRAWAL: 'Withdrawal',
  TRANSFER_OUT: 'Transfer out',
  TRANSFER_IN: 'Transfer in',
};
const INCOMING = new Set<EntryType>(['DEPOSIT', 'TRANSFER_IN']);
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Entries newest first; older pages come by the API's cursor on request. */
export function LedgerTable({ walletId }: { walletId: string }) {
  const entries = useEntries(walletId);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby={`ledger-${walletId}`}>
      <Title order={2} size="h4" id={`ledger-${walletId}`}>
        Ledger
      </Title>
      <ApiErrorAlert error={entries.error} title="Ledger not loaded" />
      {entries.isSuccess && items.length === 0 && <Text c="dimmed">No entries yet.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={330} type="native">
        <Table striped fz="sm" horizontalSpacing="xs" aria-label="Ledger entries, newest first">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Balance
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{when.format(new Date(entry.createdAt))}</Table.Td>
                <Table.Td>{TYPE_LABEL[entry.type]}</Table.Td>
                <Table.Td ta="right" c={INCOMING.has(entry.type) ? 'teal' : 'red'} style={NO_WRAP}>
                  {INCOMING.has(entry.type) ? '+' : '−'}
                  {formatWon(entry.amount)}
                </Table.Td>
                <Table.Td ta="right" style={NO_WRAP}>
                  {formatWon(entry.balanceAfter)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
      {entries.hasNextPage && (
        <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
          Load older entries
        </Button>
      )}
    </Stack>
  );
}
