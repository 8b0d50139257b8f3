import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { AmountInput } from './AmountInput';
import { ApiErrorAlert } from './ApiErrorAlert';
import { checkAmount, formatWon } from './amount';
import { EMPTY_TARGET, TransferTarget, TransferTargetPicker } from './TransferTargetPicker';
import { useMoneyMove } from './use-money-move';
import type { TransferOrder } from './wallet-api';
import { useWalletApi } from './wallet-http';

export function TransferForm({ fromWalletId }: { fromWalletId: string }) {
  const api = useWalletApi();
  const [target, setTarget] = useState<TransferTarget>(EMPTY_TARGET);
  const [amount, setAmount] = useState('');
  const [password, setPassword] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [targetError, setTargetError] = useState<string | null>(null);
  const { submit, mutation } = useMoneyMove((order: TransferOrder, key) => api.transfer(order, key));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount);
    setAmountError(checked.ok ? null : checked.error);
    setTargetError(target.walletId === '' ? 'Choose the wallet that receives the money' : null);
    if (!checked.ok || target.walletId === '') return;
    submit({ fromWalletId, toWalletId: target.walletId, amount: checked.value, password });
  };

  return (
    <form aria-label="Transfer" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TransferTargetPicker value={target} onChange={setTarget} exclude={fromWalletId} />
        {targetError && (
          <Text c="red" size="sm" role="alert">
            {targetError}
          </Text>
        )}
        <AmountInput value={amount} onChange={setAmount} error={amountError} />
        <PasswordInput label="Password" description="The password of the wallet the money leaves" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Button type="submit" loading={mutation.isPending}>
          Transfer
        </Button>
        <ApiErrorAlert error={mutation.error} title="Transfer not done" />
        {mutation.isSuccess && (
          <Text role="status" c="teal">
            Sent {formatWon(mutation.data.amount)}.
          </Text>
        )}
      </Stack>
    </form>
  );
}
