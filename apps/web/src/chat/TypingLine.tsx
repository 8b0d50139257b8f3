import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import type { Member } from '../api/types';
import { useSocketEvent } from '../realtime/RealtimeContext';
import classes from './Chat.module.css';

/** How long a `typing` event shows (clients send one every 2 s while typing). */
const SHOWN_MS = 3500;

/** "Mina is typing…" while `typing` events come for this channel. */
export function TypingLine({ channelId, members }: { channelId: string; members: Member[] | undefined }) {
  const [typing, setTyping] = useState<Map<string, number>>(new Map());

  useSocketEvent('typing', (event) => {
    if (event.channelId !== channelId) return;
    setTyping((current) => new Map(current).set(event.userId, Date.now() + SHOWN_MS));
  });

  // A message from someone ends their typing line at once.
  useSocketEvent('message:new', (message) => {
    if (message.channelId !== channelId || !message.senderId || !typing.has(message.senderId)) return;
    setTyping((current) => {
      const next = new Map(current);
      next.delete(message.senderId!);
      return next;
    });
  });

  useEffect(() => {
    if (typing.size === 0) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((current) => new Map([...current].filter(([, until]) => until > now)));
    }, 500);
    return () => clearTimeout(timer);
  }, [typing]);

  useEffect(() => setTyping(new Map()), [channelId]);

  const names = [...typing.keys()].map((id) => members?.find((member) => member.id === id)?.username ?? 'Someone');
  const line = names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
  return (
    <Text size="xs" c="dimmed" className={classes.typing} aria-live="polite" data-testid="typing-line">
      {line}
    </Text>
  );
}
