import { FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Group, Textarea } from '@mantine/core';
import { useEnterToSend } from './enter-to-send';

/** Edits one of my messages in place: Enter (not during an IME composition) or Save saves, Escape or Cancel leaves it as it was. */
export function MessageEditor({ text, onSave, onCancel }: { text: string; onSave(text: string): Promise<boolean>; onCancel(): void }) {
  const [value, setValue] = useState(text);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const keys = useEnterToSend(() => void save(), onCancel);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  async function save() {
    // Trailing new lines (an input method's Enter can leave one) would push "(edited)" onto a line of its own.
    const edited = value.trimEnd();
    if (edited.trim() === '' || saving) return;
    if (edited === text) return onCancel();
    setSaving(true);
    // The editor closes once the server took the edit; a refusal keeps it open with the text typed.
    if (!(await onSave(edited))) setSaving(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form onSubmit={submit} aria-label="Edit the message">
      <Textarea ref={box} aria-label="Edited text" autosize minRows={1} maxRows={6} maxLength={4000} value={value} onChange={(e) => setValue(e.currentTarget.value)} {...keys} />
      <Group gap="xs" justify="flex-end" mt={4}>
        <Button size="compact-xs" variant="default" onClick={onCancel}>Cancel</Button>
        <Button size="compact-xs" type="submit" loading={saving} disabled={value.trim() === ''}>Save</Button>
      </Group>
    </form>
  );
}
