import { Button, Stack, Text } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { AmountInput } from './AmountInput';
import { ApiErrorAlert } from './ApiErrorAlert';
import { checkAmount, formatWon } from './amount';
import { useMoneyMove } from './use-money-move';
import { useWalletApi } from './wallet-http';

export function DepositForm({ walletId }: { walletId: string }) {
  const api = useWalletApi();
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const { submit, mutation } = useMoneyMove((request: { walletId: string; amount: number }, key) =>
    api.deposit(request.walletId, { amount: request.amount, key }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount);
    setAmountError(checked.ok ? null : checked.error);
    if (!checked.ok) return;
    submit({ walletId, amount: checked.value });
  };

  return (
    <form aria-label="Deposit" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <AmountInput value={amount} onChange={setAmount} error={amountError} />
        <Button type="submit" loading={mutation.isPending}>
          Deposit
        </Button>
        <ApiErrorAlert error={mutation.error} title="Deposit not done" />
        {mutation.isSuccess && (
          <Text role="status" c="teal">
            Deposited {formatWon(mutation.data.entry.amount)}. Balance {formatWon(mutation.data.wallet.balance)}.
          </Text>
        )}
      </Stack>
    </form>
  );
}
