import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Box, Group, Text } from '@mantine/core';
import type { Message } from '../api/types';
import classes from './Chat.module.css';
import { MessageEditor } from './MessageEditor';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** What a person may do with a message: each is left out when not allowed. */
export interface MessageActions {
  onReply?(): void;
  onEdit?(text: string): Promise<boolean>;
  onDelete?(): void;
}

/**
 * One message: the sender (unless it is mine), the quote it replies to, the text ("message
 * deleted" once deleted, "(edited)" after an edit), the time, how many have not read it yet, and
 * the actions allowed on it. A SYSTEM notice (join, leave, invite) is a centred line, no actions.
 */
export function MessageBubble({ message, mine, pending, actions = {} }: { message: Message; mine: boolean; pending?: boolean; actions?: MessageActions }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Saved or cancelled: the keyboard goes back to the button that opened the editor.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  if (message.type === 'SYSTEM') {
    return (
      <Text size="xs" c="dimmed" ta="center" className={classes.system} data-seq={message.seq} data-testid="notice">
        {message.text}
      </Text>
    );
  }
  const unread = message.unreadCount ?? 0;
  const deleted = Boolean(message.deletedAt);
  const { onReply, onEdit, onDelete } = deleted || pending ? {} : actions;
  return (
    <Box className={classes.item} data-mine={mine || undefined} data-seq={message.seq} data-testid="message">
      {!mine && (
        <Text size="xs" fw={600} c="dimmed" mb={2}>
          {message.senderName}
        </Text>
      )}
      <Group gap={6} align="end" wrap="nowrap" className={classes.line} data-mine={mine || undefined}>
        <div className={classes.bubble} data-mine={mine || undefined} data-editing={editing || undefined}>
          {message.replyTo && !deleted && (
            <div className={classes.quote} data-testid="quote">
              <Text size="xs" fw={600}>{message.replyTo.senderName}</Text>
              {message.replyTo.snippet === null ? (
                <Text size="xs" fs="italic" c="dimmed">deleted message</Text>
              ) : (
                <Text size="xs" c="dimmed" lineClamp={2} className={classes.text}>{message.replyTo.snippet}</Text>
              )}
            </div>
          )}
          {deleted ? (
            <Text size="sm" fs="italic" c="dimmed">message deleted</Text>
          ) : editing && onEdit ? (
            <MessageEditor
              text={message.text}
              onCancel={() => setEditing(false)}
              onSave={async (text) => {
                const saved = await onEdit(text);
                if (saved) setEditing(false);
                return saved;
              }}
            />
          ) : (
            <Text size="sm" className={classes.text}>
              {message.text}
              {message.editedAt && <Text span size="xs" c="dimmed"> (edited)</Text>}
            </Text>
          )}
        </div>
        <div className={classes.meta}>
          {unread > 0 && (
            <Text size="xs" fw={700} c="yellow.8" aria-label={`${unread} unread`} data-testid="message-unread">
              {unread}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {pending ? 'Sending…' : <time dateTime={message.createdAt}>{time.format(new Date(message.createdAt))}</time>}
          </Text>
        </div>
      </Group>
      {!editing && (onReply || onEdit || onDelete) && (
        <Group gap={2} className={classes.actions}>
          {onReply && <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Reply" title="Reply" onClick={onReply}>↩</ActionIcon>}
          {onEdit && <ActionIcon ref={editButton} size="sm" variant="subtle" color="gray" aria-label="Edit message" title="Edit" onClick={() => setEditing(true)}>✎</ActionIcon>}
          {onDelete && <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Delete message" title="Delete" onClick={onDelete}>✕</ActionIcon>}
        </Group>
      )}
    </Box>
  );
}
