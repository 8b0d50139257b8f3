import { Message } from './message';
import { decideChange, messageDeletion, messageEdit } from './message-change';
import { InvalidMessageError } from './message.errors';

const at = new Date(Date.UTC(2026, 10, 23, 12));
const stored = (fields: Partial<Message> = {}): Message =>
  ({ id: 'm1', channelId: 'c1', seq: 4, type: 'TEXT', senderId: 'ana', senderName: 'Ana', clientMsgId: 'k', text: 'hello', createdAt: new Date(0), editedAt: null, deletedAt: null, ...fields }) as Message;
const notice = stored({ type: 'SYSTEM', senderId: null, senderName: null, clientMsgId: null, text: 'Ben joined' });
const edit = (requesterId: string, text = 'hello again') => messageEdit({ id: 'e1', channelId: 'c1', messageId: 'm1', requesterId, text, at });
const deletion = (requesterId: string, requesterOwnsChannel = false) => messageDeletion({ id: 'd1', channelId: 'c1', messageId: 'm1', requesterId, requesterOwnsChannel, at });
const outcomeOf = (change: ReturnType<typeof edit> | ReturnType<typeof deletion>, message: Message | undefined) => {
  const outcome = decideChange(change, message);
  return outcome.applied ? { text: outcome.message.text, editedAt: outcome.message.editedAt, deletedAt: outcome.message.deletedAt, isNew: outcome.isNew } : outcome.refusal;
};

describe('message changes', () => {
  it('check an edit\'s text by the rules of a send', () => {
    expect(() => edit('ana', '   ')).toThrow(InvalidMessageError);
    expect(() => edit('ana', 'x'.repeat(4001))).toThrow(InvalidMessageError);
    expect(edit('ana', '가')).toMatchObject({ change: 'edit', text: '가' });
  });

  it("edit only the sender's own TEXT message while it is not deleted", () => {
    expect(outcomeOf(edit('ana'), stored())).toEqual({ text: 'hello again', editedAt: at, deletedAt: null, isNew: true });
    expect(outcomeOf(edit('ben'), stored())).toBe('FORBIDDEN');
    expect(outcomeOf(edit('ana'), notice)).toBe('FORBIDDEN');
    expect(outcomeOf(edit('ana'), stored({ text: '', deletedAt: new Date(5) }))).toBe('NOT_FOUND');
    expect(outcomeOf(edit('ana'), undefined)).toBe('NOT_FOUND');
    expect(outcomeOf(edit('ana'), stored({ channelId: 'elsewhere' }))).toBe('NOT_FOUND');
  });

  it("delete one's own TEXT message, or anyone's as the channel's owner, never a SYSTEM one; the text becomes empty", () => {
    expect(outcomeOf(deletion('ana'), stored())).toEqual({ text: '', editedAt: null, deletedAt: at, isNew: true });
    expect(outcomeOf(deletion('ben'), stored())).toBe('FORBIDDEN');
    expect(outcomeOf(deletion('ben', true), stored())).toEqual({ text: '', editedAt: null, deletedAt: at, isNew: true });
    expect(outcomeOf(deletion('ben', true), notice)).toBe('FORBIDDEN');
    expect(outcomeOf(deletion('ana'), undefined)).toBe('NOT_FOUND');
  });

  it('answer a delete of a deleted message ok, as news only when it is the same delete offered again', () => {
    const deleted = stored({ text: '', deletedAt: new Date(5) });
    expect(outcomeOf(deletion('ana'), deleted)).toEqual({ text: '', editedAt: null, deletedAt: new Date(5), isNew: false });
    expect(outcomeOf(deletion('ana'), stored({ text: '', deletedAt: at }))).toEqual({ text: '', editedAt: null, deletedAt: at, isNew: true });
    expect(outcomeOf(deletion('ben'), deleted)).toBe('FORBIDDEN');
  });
});
