import { FormEvent, useState } from 'react';
import { Alert, Button, Modal, PasswordInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/http';
import { errorText } from '../api/error-text';
import type { Channel } from '../api/types';
import { channelKeys } from './channel-queries';

export function CreateChannelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<Channel>('/channels', {
        name,
        ...(description.trim() ? { description } : {}),
        isPrivate,
        ...(isPrivate ? { password } : {}),
      }),
    onSuccess: async (channel) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.mine });
      onClose();
      navigate(`/channels/${channel.id}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Create a channel">
      <form onSubmit={submit} aria-label="Create a channel">
        <Stack>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          <TextInput label="Channel name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Textarea label="Description" maxLength={500} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Switch label="Private (joined with a password)" checked={isPrivate} onChange={(e) => setPrivate(e.currentTarget.checked)} />
          {isPrivate && (
            <PasswordInput label="Channel password" description="4 to 72 characters" required minLength={4} maxLength={72} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          )}
          <Button type="submit" loading={create.isPending}>Create channel</Button>
        </Stack>
      </form>
    </Modal>
  );
}
