import { InvalidMessageError } from './message.errors';
import { systemMessageDraft, textMessageDraft } from './message-draft';
import { Message } from './message';
import { quoteSnippet, requireReplyTarget, SNIPPET_CODE_POINTS } from './reply-quote';

const fields = { id: 'id', channelId: 'c', senderId: 's', senderName: 'Mina', text: 'hi', clientMsgId: 'm1', createdAt: new Date(0) };

describe('message drafts', () => {
  it('accept text of 1 to 4,000 code points, an emoji or a Hangul syllable counting once', () => {
    expect(textMessageDraft({ ...fields, text: '가' })).toEqual({ ...fields, text: '가', type: 'TEXT', replyToId: null });
    expect(textMessageDraft({ ...fields, text: 'yes', replyToId: 'quoted-id' })).toMatchObject({ type: 'TEXT', replyToId: 'quoted-id' });
    expect(textMessageDraft({ ...fields, text: '😀'.repeat(4000) }).text).toHaveLength(8000);
    expect(() => textMessageDraft({ ...fields, text: '😀'.repeat(4001) })).toThrow(InvalidMessageError);
    expect(() => textMessageDraft({ ...fields, text: '' })).toThrow(InvalidMessageError);
  });

  it('refuse text that is only white space, Unicode spaces included, but keep the spaces of real text', () => {
    for (const blank of [' ', '\n\t ', '\u3000', '\u00a0 ']) expect(() => textMessageDraft({ ...fields, text: blank })).toThrow(InvalidMessageError);
    expect(textMessageDraft({ ...fields, text: '  hi  ' }).text).toBe('  hi  ');
  });

  it('refuse text or a client id with a lone surrogate, which no database could store unchanged', () => {
    expect(() => textMessageDraft({ ...fields, text: 'a\ud83d' })).toThrow(InvalidMessageError);
    expect(() => textMessageDraft({ ...fields, text: '\ude00b' })).toThrow(InvalidMessageError);
    expect(() => textMessageDraft({ ...fields, clientMsgId: 'x\ud83d' })).toThrow(InvalidMessageError);
    expect(textMessageDraft({ ...fields, text: 'ok 😀' }).text).toBe('ok 😀');
  });

  it('accept a client id of 1 to 64 code points', () => {
    expect(textMessageDraft({ ...fields, clientMsgId: '😀'.repeat(64) }).clientMsgId).toHaveLength(128);
    expect(() => textMessageDraft({ ...fields, clientMsgId: 'x'.repeat(65) })).toThrow(InvalidMessageError);
    expect(() => textMessageDraft({ ...fields, clientMsgId: '' })).toThrow(InvalidMessageError);
  });

  it('make SYSTEM drafts without sender or client id, under the same text rules', () => {
    const draft = systemMessageDraft({ id: 'id', channelId: 'c', text: 'Mina joined', createdAt: new Date(0) });
    expect(draft).toEqual({ id: 'id', channelId: 'c', text: 'Mina joined', createdAt: new Date(0), type: 'SYSTEM', senderId: null, senderName: null, clientMsgId: null, replyToId: null });
    expect(() => systemMessageDraft({ id: 'id', channelId: 'c', text: ' ', createdAt: new Date(0) })).toThrow(InvalidMessageError);
  });
});

describe('reply quotes', () => {
  const message = (text: string, fields: Partial<Message> = {}): Message =>
    ({ id: 'q', channelId: 'c', seq: 1, type: 'TEXT', senderId: 'u', senderName: 'U', clientMsgId: 'k', replyToId: null, text, createdAt: new Date(0), editedAt: null, deletedAt: null, ...fields }) as Message;

  it(`show the first ${SNIPPET_CODE_POINTS} code points of the quoted text, never half of a surrogate pair`, () => {
    expect(quoteSnippet(message('short'))).toBe('short');
    expect(quoteSnippet(message('가'.repeat(150)))).toBe('가'.repeat(SNIPPET_CODE_POINTS));
    const emoji = quoteSnippet(message('a' + '😀'.repeat(200)));
    expect([...(emoji ?? '')]).toHaveLength(SNIPPET_CODE_POINTS);
    expect(emoji).toBe('a' + '😀'.repeat(SNIPPET_CODE_POINTS - 1));
  });

  it('show no snippet of a deleted message, and the new text of an edited one', () => {
    expect(quoteSnippet(message('', { deletedAt: new Date(1) }))).toBeNull();
    expect(quoteSnippet(message('new words', { editedAt: new Date(1) }))).toBe('new words');
  });

  it('answer a TEXT message of the same channel only: unknown, other channel, SYSTEM or deleted is VALIDATION', () => {
    expect(requireReplyTarget(message('x'), 'c').id).toBe('q');
    expect(() => requireReplyTarget(undefined, 'c')).toThrow(InvalidMessageError);
    expect(() => requireReplyTarget(message('x'), 'other')).toThrow(InvalidMessageError);
    expect(() => requireReplyTarget(message('x', { type: 'SYSTEM', senderId: null, clientMsgId: null }), 'c')).toThrow(/SYSTEM/);
    expect(() => requireReplyTarget(message('', { deletedAt: new Date(1) }), 'c')).toThrow(/deleted/);
  });
});
