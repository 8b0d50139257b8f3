import { Button, Card, NativeSelect, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { AmountInput } from './AmountInput';
import { ApiErrorAlert } from './ApiErrorAlert';
import { checkAmount } from './amount';
import { checkExecuteAt, localInputValue } from './execute-at';
import { EMPTY_TARGET, TransferTarget, TransferTargetPicker } from './TransferTargetPicker';
import { useWalletApi } from './wallet-http';
import { useRefreshWallets } from './wallet-queries';
import type { RepeatRule } from './wallet-types';

const REPEATS: { value: RepeatRule; label: string }[] = [
  { value: 'NONE', label: 'Once' },
  { value: 'DAILY', label: 'Every day' },
  { value: 'MONTHLY', label: 'Every month' },
];
const HOUR = 3_600_000;

/** Book a transfer from my wallet for later; the server checks wallets and password now, funds at each run. */
export function BookReservedTransferForm({ fromWalletId }: { fromWalletId: string }) {
  const api = useWalletApi();
  const refresh = useRefreshWallets();
  const [target, setTarget] = useState<TransferTarget>(EMPTY_TARGET);
  const [amount, setAmount] = useState('');
  const [password, setPassword] = useState('');
  const [executeAt, setExecuteAt] = useState(() => localInputValue(new Date(Date.now() + HOUR)));
  const [repeat, setRepeat] = useState<RepeatRule>('NONE');
  const [problems, setProblems] = useState<{ amount?: string; executeAt?: string; target?: string }>({});
  const mutation = useMutation({ mutationFn: api.bookReservedTransfer, onSuccess: () => refresh() });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checkedAmount = checkAmount(amount);
    const checkedTime = checkExecuteAt(executeAt);
    setProblems({
      amount: checkedAmount.ok ? undefined : checkedAmount.error,
      executeAt: checkedTime.ok ? undefined : checkedTime.error,
      target: target.walletId === '' ? 'Choose the wallet that receives the money' : undefined,
    });
    if (!checkedAmount.ok || !checkedTime.ok || target.walletId === '') return;
    mutation.mutate({ fromWalletId, toWalletId: target.walletId, amount: checkedAmount.value, password, executeAt: checkedTime.iso, repeat });
  };

  return (
    <Card withBorder padding="md" radius="md">
      <form aria-label="Book a reserved transfer" onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            Book a transfer from my wallet
          </Title>
          <TransferTargetPicker value={target} onChange={setTarget} exclude={fromWalletId} />
          {problems.target && (
            <Text c="red" size="sm" role="alert">
              {problems.target}
            </Text>
          )}
          <AmountInput value={amount} onChange={setAmount} error={problems.amount} />
          <TextInput type="datetime-local" label="Execute at" description="Your local time" required value={executeAt} error={problems.executeAt} onChange={(e) => setExecuteAt(e.currentTarget.value)} />
          <NativeSelect label="Repeat" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value as RepeatRule)} data={REPEATS} />
          <PasswordInput label="Password" description="Your wallet's password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={mutation.isPending}>
            Book transfer
          </Button>
          <ApiErrorAlert error={mutation.error} title="Transfer not booked" />
          {mutation.isSuccess && (
            <Text role="status" c="teal">
              Booked: status {mutation.data.status}.
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}
