import { FormEvent, useEffect, useRef, useState } from 'react';
import { Button, CloseButton, Group, Text, Textarea } from '@mantine/core';
import type { Message } from '../api/types';
import classes from './Chat.module.css';
import { useEnterToSend } from './enter-to-send';
import { snippetOf } from './message-list';

const TYPING_EVERY_MS = 2000;

/**
 * The message box, with the message being replied to above it (Escape or its button cancels the
 * reply). Enter sends, Shift+Enter starts a new line, and Enter during an input method's
 * composition never sends (see `useEnterToSend`).
 */
export function Composer({ onSend, onTyping, disabled, replyingTo, onCancelReply }: {
  onSend(text: string): Promise<boolean>;
  onTyping(): void;
  disabled?: boolean;
  replyingTo?: Message | null;
  onCancelReply(): void;
}) {
  const [text, setText] = useState('');
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const keys = useEnterToSend(() => void send(), replyingTo ? onCancelReply : undefined);

  // Choosing a message to reply to moves the keyboard here.
  useEffect(() => {
    if (replyingTo) box.current?.focus();
  }, [replyingTo]);

  async function send() {
    const value = text;
    if (value.trim() === '') return;
    setText('');
    // The text comes back when the server refuses it, so nothing typed is lost.
    if (!(await onSend(value))) setText((current) => (current === '' ? value : current));
  }

  function onChange(value: string) {
    setText(value);
    const now = Date.now();
    if (value.trim() !== '' && now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now;
      onTyping();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  return (
    <form onSubmit={submit} aria-label="Send a message">
      {replyingTo && (
        <Group gap="xs" wrap="nowrap" justify="space-between" className={classes.replyBar} role="status" aria-label="Replying">
          <Text size="xs" truncate miw={0}>
            Replying to <b>{replyingTo.senderName}</b>: {snippetOf(replyingTo.text)}
          </Text>
          <CloseButton size="sm" aria-label="Cancel reply" onClick={onCancelReply} />
        </Group>
      )}
      <Group align="end" gap="xs" wrap="nowrap">
        <Textarea
          ref={box}
          aria-label="Message"
          placeholder="Message (Enter to send, Shift+Enter for a new line)"
          autosize
          minRows={1}
          maxRows={5}
          maxLength={4000}
          style={{ flex: 1 }}
          value={text}
          disabled={disabled}
          onChange={(e) => onChange(e.currentTarget.value)}
          {...keys}
        />
        <Button type="submit" disabled={disabled || text.trim() === ''}>Send</Button>
      </Group>
    </form>
  );
}
