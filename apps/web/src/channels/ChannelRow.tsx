import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { MyChannel } from '../api/types';
import { useSignedInUser } from '../auth/AuthContext';
import { channelTitle, useMembers } from './channel-queries';
import classes from './ChannelRow.module.css';

/** One of my channels: its name (the other person's for a direct chat), the newest message, the unread badge. */
export function ChannelRow({ channel, active }: { channel: MyChannel; active: boolean }) {
  const me = useSignedInUser();
  const members = useMembers(channel.id).data;
  const title = channelTitle(channel, members, me.id);
  const last = channel.lastMessage;
  const preview = last ? (last.type === 'SYSTEM' ? last.text : `${last.senderId === me.id ? 'You' : last.senderName}: ${last.deletedAt ? 'message deleted' : last.text}`) : 'No messages yet';
  return (
    <UnstyledButton
      component={Link}
      to={`/channels/${channel.id}`}
      className={classes.row}
      data-active={active || undefined}
      aria-current={active ? 'page' : undefined}
      aria-label={`${title}${channel.unreadCount > 0 ? `, ${channel.unreadCount} unread` : ''}`}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={2} miw={0}>
          <Text fw={600} truncate>
            {channel.kind === 'DIRECT' ? title : `# ${title}`}
          </Text>
          <Text size="sm" c="dimmed" truncate data-testid="last-message">
            {preview}
          </Text>
        </Stack>
        {channel.unreadCount > 0 && (
          <Badge color="red" variant="filled" circle={channel.unreadCount < 10} data-testid="unread-badge">
            {channel.unreadCount > 999 ? '999+' : channel.unreadCount}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}
