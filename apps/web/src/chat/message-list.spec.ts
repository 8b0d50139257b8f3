import { describe, expect, it } from '@jest/globals';
import type { Message } from '../api/types';
import { applyDelete, applyEdit, mergeBySeq, snippetOf } from './message-list';

const message = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  channelId: 'c',
  seq,
  type: 'TEXT',
  senderId: 'u1',
  senderName: 'Mina',
  text: `text ${seq}`,
  clientMsgId: null,
  replyTo: null,
  editedAt: null,
  deletedAt: null,
  unreadCount: 1,
  createdAt: '2026-11-23T10:00:00.000Z',
  ...extra,
});

const quoting = (seq: number, quoted: Message): Message => message(seq, { replyTo: { id: quoted.id, seq: quoted.seq, senderName: quoted.senderName, snippet: snippetOf(quoted.text) } });

describe('message list: edits and deletes in place', () => {
  it('replaces an edited message in place and requotes the replies to it, keeping the lower unread number', () => {
    const first = message(1);
    const list = [first, quoting(2, first), message(3)];
    const next = applyEdit(list, { ...first, text: 'fixed', editedAt: '2026-11-23T10:01:00.000Z', unreadCount: 2 });
    expect(next.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(next[0]).toMatchObject({ text: 'fixed', editedAt: '2026-11-23T10:01:00.000Z', unreadCount: 1 });
    expect(next[1].replyTo).toEqual({ id: 'm1', seq: 1, senderName: 'Mina', snippet: 'fixed' });
    expect(next[2]).toBe(list[2]);
  });

  it('leaves out an edit of a message not loaded here', () => {
    const list = [message(5), message(6)];
    expect(applyEdit(list, { ...message(2), text: 'older', editedAt: '2026-11-23T10:01:00.000Z' })).toBe(list);
  });

  it('turns a deleted message into a tombstone and takes the snippet off the replies quoting it', () => {
    const first = message(1);
    const next = applyDelete([first, quoting(2, first)], { id: 'm1', seq: 1 }, '2026-11-23T10:02:00.000Z');
    expect(next[0]).toMatchObject({ seq: 1, text: '', deletedAt: '2026-11-23T10:02:00.000Z', senderName: 'Mina' });
    expect(next[1].replyTo).toMatchObject({ id: 'm1', snippet: null });
    expect(next[1].text).toBe('text 2');
  });

  it('keeps the first deletion time when a delete is told twice', () => {
    const once = applyDelete([message(1)], { id: 'm1', seq: 1 }, '2026-11-23T10:02:00.000Z');
    expect(applyDelete(once, { id: 'm1', seq: 1 }, '2026-11-23T10:09:00.000Z')[0].deletedAt).toBe('2026-11-23T10:02:00.000Z');
  });

  it('cuts a snippet at 100 code points, never inside an emoji', () => {
    const text = `${'가'.repeat(99)}😀😀`;
    expect([...snippetOf(text)]).toHaveLength(100);
    expect(snippetOf(text).endsWith('😀')).toBe(true);
  });

  it('keeps a tombstone and a newer edit when an older copy of the message comes in late', () => {
    const stale = message(1);
    const tombstone = applyDelete([stale], { id: 'm1', seq: 1 }, '2026-11-23T10:02:00.000Z');
    expect(mergeBySeq(tombstone, [stale])[0]).toMatchObject({ text: '', deletedAt: '2026-11-23T10:02:00.000Z' });
    const edited = applyEdit([stale], { ...stale, text: 'second', editedAt: '2026-11-23T10:05:00.000Z' });
    expect(mergeBySeq(edited, [stale])[0]).toMatchObject({ text: 'second', editedAt: '2026-11-23T10:05:00.000Z' });
    expect(mergeBySeq(edited, [{ ...stale, text: 'first', editedAt: '2026-11-23T10:01:00.000Z' }])[0].text).toBe('second');
    expect(mergeBySeq(edited, [{ ...stale, text: 'third', editedAt: '2026-11-23T10:07:00.000Z' }])[0].text).toBe('third');
  });
});
