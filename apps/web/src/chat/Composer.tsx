import { FormEvent, KeyboardEvent, useRef, useState } from 'react';
import { Button, Group, Textarea } from '@mantine/core';

const TYPING_EVERY_MS = 2000;

/**
 * The message box. Enter sends, Shift+Enter starts a new line, and Enter while an input method
 * is composing (Korean, Japanese, Chinese…) only ends the composition: half-typed syllables are
 * never sent. `isComposing` alone is not enough: some browsers end the composition before the
 * Enter's keydown, which then says keyCode 229, and a composition can end with that same keydown.
 */
export function Composer({ onSend, onTyping, disabled }: { onSend(text: string): Promise<boolean>; onTyping(): void; disabled?: boolean }) {
  const [text, setText] = useState('');
  const composing = useRef(false);
  const lastTyping = useRef(0);

  async function send() {
    const value = text;
    if (value.trim() === '') return;
    setText('');
    // The text comes back when the server refuses it, so nothing typed is lost.
    if (!(await onSend(value))) setText((current) => (current === '' ? value : current));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey) return;
    if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void send();
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
      <Group align="end" gap="xs" wrap="nowrap">
        <Textarea
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
          onKeyDown={onKeyDown}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            composing.current = false;
          }}
        />
        <Button type="submit" disabled={disabled || text.trim() === ''}>Send</Button>
      </Group>
    </form>
  );
}
