import { MAX_NAMED_INVITEES, membershipNotice } from './membership-notice';
import { systemMessageDraft } from './message-draft';

describe('membership notices', () => {
  it('say who joined, left or was invited, by name', () => {
    expect(membershipNotice.joined('민아')).toBe('민아 joined');
    expect(membershipNotice.left('Joon')).toBe('Joon left');
    expect(membershipNotice.invited('Mina', ['Joon'])).toBe('Mina invited Joon');
    expect(membershipNotice.invited('Mina', ['Joon', 'Sora'])).toBe('Mina invited Joon and Sora');
    expect(membershipNotice.invited('Mina', ['Joon', 'Sora', 'Ara'])).toBe('Mina invited Joon, Sora and Ara');
  });

  it('name at most 20 invitees and count the others, so 100 names of 50 characters still make a valid notice', () => {
    const names = Array.from({ length: 100 }, (_, n) => `${String(n).padStart(3, '0')}${'가'.repeat(47)}`);
    const text = membershipNotice.invited('가'.repeat(50), names);
    expect(text).toMatch(/ and 80 others$/);
    expect(text).toContain(names[MAX_NAMED_INVITEES - 1]);
    expect(text).not.toContain(names[MAX_NAMED_INVITEES]);
    expect(systemMessageDraft({ id: 'id', channelId: 'c', text, createdAt: new Date(0) }).text).toBe(text);
    expect(membershipNotice.invited('Mina', names.slice(0, MAX_NAMED_INVITEES + 1))).toMatch(/ and 1 other$/);
  });
});
