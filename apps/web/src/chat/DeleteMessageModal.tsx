import { useRef, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import type { Message } from '../api/types';
import { snippetOf } from './message-list';

/** Asks before deleting a message (for good: the text cannot come back). */
export function DeleteMessageModal({ message, onDelete, onClose, onDeleted }: {
  message: Message | null;
  onDelete(message: Message): Promise<boolean>;
  onClose(): void;
  /** Once the dialog is gone after a delete (the button that opened it went with the message's actions). */
  onDeleted(): void;
}) {
  const [deleting, setDeleting] = useState(false);
  const deleted = useRef(false);

  async function confirm() {
    if (!message) return;
    setDeleting(true);
    deleted.current = await onDelete(message);
    setDeleting(false);
    onClose();
  }

  function closed() {
    if (deleted.current) onDeleted();
    deleted.current = false;
  }

  return (
    <Modal opened={message !== null} onClose={onClose} title="Delete this message?" centered closeButtonProps={{ 'aria-label': 'Close' }} onExitTransitionEnd={closed}>
      {message && (
        <Text size="sm" mb="md" lineClamp={3}>
          {message.senderName}: {snippetOf(message.text)}
        </Text>
      )}
      <Text size="sm" c="dimmed" mb="md">Everyone in the chat will see "message deleted" in its place.</Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button color="red" loading={deleting} onClick={() => void confirm()}>Delete</Button>
      </Group>
    </Modal>
  );
}
