import { NotChannelMemberError } from '../domain/chat.errors';
import { nonMemberRefusal } from './non-member-refusal';
import { ChannelMembers } from './ports/channel-members.port';

describe('nonMemberRefusal', () => {
  it("answers the channel rules' own error (NOT_FOUND for a private or unknown channel, NOT_MEMBER for a public one)", async () => {
    const notFound = new Error('Channel not found');
    const members = { requireMember: async () => Promise.reject(notFound) } as unknown as ChannelMembers;
    await expect(nonMemberRefusal(members, 'u', 'c')).resolves.toBe(notFound);
  });

  it('answers NOT_MEMBER when the store already knows a membership the memory does not know yet', async () => {
    const members = { requireMember: async () => ({ lastReadSeq: 0 }) } as unknown as ChannelMembers;
    await expect(nonMemberRefusal(members, 'u', 'c')).resolves.toBeInstanceOf(NotChannelMemberError);
  });
});
