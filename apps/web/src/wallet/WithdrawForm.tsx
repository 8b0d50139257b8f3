import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { AmountInput } from './AmountInput';
import { ApiErrorAlert } from './ApiErrorAlert';
import { checkAmount, formatWon } from './amount';
import { useMoneyMove } from './use-money-move';
import { useWalletApi } from './wallet-http';

export function WithdrawForm({ walletId }: { walletId: string }) {
  const api = useWalletApi();
  const [amount, setAmount] = useState('');
  const [password, setPassword] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const { submit, mutation } = useMoneyMove((request: { walletId: string; amount: number; password: string }, key) =>
    api.withdraw(request.walletId, { amount: request.amount, password: request.password, key }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount);
    setAmountError(checked.ok ? null : checked.error);
    if (!checked.ok) return;
    submit({ walletId, amount: checked.value, password });
  };

  return (
    <form aria-label="Withdraw" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <AmountInput value={amount} onChange={setAmount} error={amountError} />
        <PasswordInput label="Password" description="The wallet's password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Button type="submit" loading={mutation.isPending}>
          Withdraw
        </Button>
        <ApiErrorAlert error={mutation.error} title="Withdrawal not done" />
        {mutation.isSuccess && (
          <Text role="status" c="teal">
            Withdrew {formatWon(mutation.data.entry.amount)}. Balance {formatWon(mutation.data.wallet.balance)}.
          </Text>
        )}
      </Stack>
    </form>
  );
}
