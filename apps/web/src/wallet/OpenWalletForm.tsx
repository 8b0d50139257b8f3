import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert';
import { useWalletApi } from './wallet-http';
import { useRefreshWallets } from './wallet-queries';

const PASSWORD_MIN = 4;
const PASSWORD_MAX = 72;

/** For a person without a personal wallet: open one, guarded by its own password (4–72 characters). */
export function OpenWalletForm() {
  const api = useWalletApi();
  const refresh = useRefreshWallets();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: api.openWallet, onSuccess: () => refresh() });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const length = [...password].length;
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) return setProblem(`The password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
    if (password !== confirm) return setProblem('The two passwords differ');
    setProblem(null);
    mutation.mutate(password);
  };

  return (
    <Card withBorder padding="md" radius="md">
      <form aria-label="Create wallet" onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Create your wallet
          </Title>
          <Text size="sm">You have no wallet yet. Choose a password: every withdrawal and transfer asks for it.</Text>
          <PasswordInput label="Password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={problem ?? undefined} />
          <PasswordInput label="Confirm password" required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} />
          <Button type="submit" loading={mutation.isPending}>
            Create wallet
          </Button>
          <ApiErrorAlert error={mutation.error} title="Wallet not created" />
        </Stack>
      </form>
    </Card>
  );
}
