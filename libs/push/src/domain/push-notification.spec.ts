import { composeNotification, PendingNotice, PUSH_SNIPPET_MAX } from './push-notification';

const notice = (text: string, count = 1): PendingNotice => ({ channelId: 'c1', messageId: 'm1', seq: 7, senderName: 'Ana', text, count });
const group = (isPrivate: boolean) => ({ id: 'c1', kind: 'GROUP' as const, name: 'team', isPrivate });
const direct = { id: 'c1', kind: 'DIRECT' as const, name: null, isPrivate: true };

describe('composeNotification', () => {
  it('shows a snippet from public channels, whatever the setting', () => {
    expect(composeNotification(group(false), notice('hi all'), false)).toEqual({ title: 'team', body: 'Ana: hi all', channelId: 'c1', messageId: 'm1', seq: 7, count: 1 });
  });

  it('hides the text of private groups and direct channels unless allowed', () => {
    expect(composeNotification(group(true), notice('secret'), false)).toMatchObject({ title: 'team', body: 'New message in team' });
    expect(composeNotification(direct, notice('secret'), false)).toMatchObject({ title: 'Ana', body: 'New message from Ana' });
    expect(composeNotification(group(true), notice('secret'), true)).toMatchObject({ body: 'Ana: secret' });
    expect(composeNotification(direct, notice('secret'), true)).toMatchObject({ title: 'Ana', body: 'secret' });
  });

  it('says how many messages a coalesced notice stands for', () => {
    expect(composeNotification(group(false), notice('last one', 5), false).body).toBe('Ana: last one (5 new messages)');
    expect(composeNotification(direct, notice('x', 2), false).body).toBe('New message from Ana (2 new messages)');
  });

  it('cuts a long text by code points, never inside a character', () => {
    const body = composeNotification(group(false), notice('😀'.repeat(PUSH_SNIPPET_MAX + 10)), false).body;
    expect(Array.from(body.replace('Ana: ', ''))).toHaveLength(PUSH_SNIPPET_MAX);
    expect(body.endsWith('😀…')).toBe(true);
  });
});
