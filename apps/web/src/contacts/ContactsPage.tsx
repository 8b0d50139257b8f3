import { FormEvent, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text';
import type { Contact } from '../api/types';
import { OnlineDot } from '../chat/OnlineDot';
import { useAddContact, useContacts, useOpenDirect, useRemoveContact } from './contact-queries';

/** My contacts with their online state; add one by email, open the direct chat, remove. */
export function ContactsPage() {
  const contacts = useContacts();
  const add = useAddContact();
  const [email, setEmail] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(email.trim(), { onSuccess: () => setEmail('') });
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h3">Contacts</Title>
      <form onSubmit={submit} aria-label="Add a contact">
        <Stack gap="xs">
          {add.error && <Alert color="red" role="alert">{errorText(add.error)}</Alert>}
          <Group align="end" wrap="nowrap" gap="xs">
            <TextInput label="Contact email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" loading={add.isPending}>Add contact</Button>
          </Group>
        </Stack>
      </form>
      {contacts.isPending && <Loader size="sm" aria-label="Loading contacts" />}
      {contacts.error && <Alert color="red" role="alert">{errorText(contacts.error)}</Alert>}
      {contacts.data?.length === 0 && <Text c="dimmed">No contacts yet: add someone by their email.</Text>}
      <Stack gap={6} role="list" aria-label="My contacts">
        {contacts.data?.map((contact) => <ContactRow key={contact.id} contact={contact} />)}
      </Stack>
    </Stack>
  );
}

function ContactRow({ contact }: { contact: Contact }) {
  const navigate = useNavigate();
  const open = useOpenDirect();
  const remove = useRemoveContact();
  return (
    <Paper withBorder p="xs" role="listitem" data-testid="contact">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} miw={0}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>{contact.username}</Text>
            <OnlineDot online={contact.online} name={contact.username} showText={false} />
          </Group>
          <Text size="xs" c="dimmed" truncate>{contact.email}</Text>
          {(open.error ?? remove.error) && <Text size="xs" c="red" role="alert">{errorText(open.error ?? remove.error)}</Text>}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            aria-label={`Chat with ${contact.username}`}
            loading={open.isPending}
            onClick={() => open.mutate(contact.id, { onSuccess: (channel) => navigate(`/channels/${channel.id}`) })}
          >
            Chat
          </Button>
          <Button size="xs" variant="default" aria-label={`Remove ${contact.username}`} loading={remove.isPending} onClick={() => remove.mutate(contact.id)}>
            Remove
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
