import { Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert';
import { useWalletApi } from './wallet-http';
import { useRefreshWallets } from './wallet-queries';

/** A new group wallet of the channel; its creator becomes its ADMIN, the only one who may spend from it. */
export function CreateGroupWalletForm({ channelId }: { channelId: string }) {
  const api = useWalletApi();
  const refresh = useRefreshWallets();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => api.createGroupWallet(channelId, { name: name.trim(), password, ...(description.trim() === '' ? {} : { description: description.trim() }) }),
    onSuccess: () => {
      setName('');
      setDescription('');
      setPassword('');
      void refresh();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <Card withBorder padding="md" radius="md">
      <form aria-label="Create group wallet" onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            New group wallet
          </Title>
          <TextInput label="Name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Description" maxLength={500} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <PasswordInput label="Password" description="Guards spending from this wallet, 4–72 characters" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={mutation.isPending}>
            Create group wallet
          </Button>
          <ApiErrorAlert error={mutation.error} title="Group wallet not created" />
        </Stack>
      </form>
    </Card>
  );
}
