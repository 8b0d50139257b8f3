import { Box, Group, Text } from '@mantine/core';
import type { Message } from '../api/types';
import classes from './Chat.module.css';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** One message: the sender (unless it is mine), the text, the time and how many have not read it yet. */
export function MessageBubble({ message, mine, pending }: { message: Message; mine: boolean; pending?: boolean }) {
  if (message.type === 'SYSTEM') {
    return (
      <Text size="xs" c="dimmed" ta="center" className={classes.system} data-seq={message.seq}>
        {message.text}
      </Text>
    );
  }
  const unread = message.unreadCount ?? 0;
  return (
    <Box className={classes.item} data-mine={mine || undefined} data-seq={message.seq} data-testid="message">
      {!mine && (
        <Text size="xs" fw={600} c="dimmed" mb={2}>
          {message.senderName}
        </Text>
      )}
      <Group gap={6} align="end" wrap="nowrap" className={classes.line} data-mine={mine || undefined}>
        <div className={classes.bubble} data-mine={mine || undefined}>
          <Text size="sm" className={classes.text}>{message.text}</Text>
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
    </Box>
  );
}
