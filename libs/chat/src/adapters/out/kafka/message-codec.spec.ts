import { decodeEntry, decodeStored, encodeChange, encodeDraft, encodeStored } from './message-codec';
import { messageDeletion, messageEdit } from '../../../domain/message-change';
import { textMessageDraft } from '../../../domain/message-draft';
import { StoredEntry } from '../../../application/ports/message-bus.port';

const draft = textMessageDraft({ id: 'm1', channelId: 'c1', senderId: 'u1', senderName: 'Ana', clientMsgId: 'k1', text: '안녕', createdAt: new Date(1000) });
const edit = messageEdit({ id: 'e1', channelId: 'c1', messageId: 'm1', requesterId: 'u1', text: 'edited', at: new Date(2000) });
const deletion = messageDeletion({ id: 'd1', channelId: 'c1', messageId: 'm1', requesterId: 'u2', requesterOwnsChannel: true, at: new Date(3000) });
const message = { ...draft, seq: 7, editedAt: new Date(2000), deletedAt: null };
const asRecord = (json: string) => Buffer.from(json);

describe('chat message codec', () => {
  it('reads back drafts, edits and deletes with their dates, a draft being its plain JSON as before edits existed', () => {
    expect(decodeEntry(asRecord(encodeDraft(draft)))).toEqual(draft);
    expect(decodeEntry(asRecord(JSON.stringify(draft)))).toEqual(draft);
    expect(decodeEntry(asRecord(encodeChange(edit)))).toEqual(edit);
    expect(decodeEntry(asRecord(encodeChange(deletion)))).toEqual(deletion);
  });

  it('reads back a stored batch in order: sends, applied changes with their dates, and refusals', () => {
    const entries: StoredEntry[] = [
      { message: { ...message, editedAt: null }, isNew: true },
      { changeId: 'e1', change: 'edit', channelId: 'c1', applied: true, message, isNew: true },
      { changeId: 'd1', change: 'delete', channelId: 'c1', applied: true, message: { ...message, text: '', deletedAt: new Date(3000) }, isNew: false },
      { changeId: 'e2', change: 'edit', channelId: 'c1', applied: false, refusal: 'NOT_FOUND' },
    ];
    expect(decodeStored(asRecord(encodeStored(entries)))).toEqual(entries);
  });

  it('reads a stored outcome written before edits existed (no editedAt, deletedAt) as never edited nor deleted', () => {
    const { editedAt: _editedAt, deletedAt: _deletedAt, ...old } = message;
    expect(decodeStored(asRecord(JSON.stringify([{ message: old, isNew: true }])))).toEqual([{ message: { ...message, editedAt: null }, isNew: true }]);
  });
});
