import { Badge, Button, Loader, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiErrorAlert } from './ApiErrorAlert';
import { BookReservedTransferForm } from './BookReservedTransferForm';
import { OpenWalletForm } from './OpenWalletForm';
import { formatWon } from './amount';
import { useWalletApi } from './wallet-http';
import { useMyWallet, useRefreshWallets, useReservedTransfers } from './wallet-queries';
import type { ReservedStatus, ReservedTransfer } from './wallet-types';

const STATUS_COLOR: Record<ReservedStatus, string> = { SCHEDULED: 'blue', SUCCEEDED: 'teal', FAILED: 'red', CANCELLED: 'gray' };
const REPEAT_LABEL = { NONE: 'Once', DAILY: 'Daily', MONTHLY: 'Monthly' } as const;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortId = (id: string) => `${id.slice(0, 8)}…`;

export function ReservedTransfersPage() {
  const wallet = useMyWallet();
  const reserved = useReservedTransfers();
  if (wallet.isPending) return <Loader aria-label="Loading your wallet" />;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Reserved transfers
      </Title>
      <ApiErrorAlert error={wallet.error} title="Wallet not loaded" />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {wallet.data === null ? <OpenWalletForm /> : wallet.data && <BookReservedTransferForm fromWalletId={wallet.data.id} />}
        <Stack gap="xs" component="section" aria-labelledby="booked-title">
          <Title order={3} size="h5" id="booked-title">
            Booked transfers
          </Title>
          <ApiErrorAlert error={reserved.error} title="Reserved transfers not loaded" />
          {reserved.isSuccess && reserved.data.length === 0 && <Text c="dimmed">You have booked no transfer.</Text>}
          {reserved.isSuccess && reserved.data.length > 0 && (
            <Table.ScrollContainer minWidth={340} type="native">
              <Table fz="sm" horizontalSpacing="xs" aria-label="My reserved transfers, newest first">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">To</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Amount
                    </Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reserved.data.map((transfer) => (
                    <ReservedRow key={transfer.id} transfer={transfer} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function ReservedRow({ transfer }: { transfer: ReservedTransfer }) {
  const api = useWalletApi();
  const refresh = useRefreshWallets();
  const cancel = useMutation({ mutationFn: () => api.cancelReservedTransfer(transfer.id), onSettled: () => refresh() });
  const at = when.format(new Date(transfer.executeAt));
  return (
    <Table.Tr data-testid="reserved-transfer">
      <Table.Td>
        {at}
        <Text size="xs" c="dimmed">
          {REPEAT_LABEL[transfer.repeat]}
          {transfer.lastResult && ` · last run ${transfer.lastResult}`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={transfer.toWalletId}>
          {shortId(transfer.toWalletId)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatWon(transfer.amount)}
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[transfer.status]} variant="light">
          {transfer.status}
        </Badge>
        {transfer.failureReason && (
          <Text size="xs" c="red">
            {transfer.failureReason}
          </Text>
        )}
        <ApiErrorAlert error={cancel.error} title="Not cancelled" />
      </Table.Td>
      <Table.Td>
        {transfer.status === 'SCHEDULED' && (
          <Button size="xs" variant="light" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending} aria-label={`Cancel the transfer of ${formatWon(transfer.amount)} due ${at}`}>
            Cancel
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
