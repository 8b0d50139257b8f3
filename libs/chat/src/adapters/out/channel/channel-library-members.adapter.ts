import { Injectable } from '@nestjs/common';
import { AdvanceReadMark, AdvanceSendersReadMarks, ChannelReadMarks, CheckMessageAccess } from '@webchat/channel';
import { ChannelMembers, MemberMark, SenderReadMark } from '../../../application/ports/channel-members.port';
import { ReadMark } from '../../../domain/unread-count';

/** Memberships and read marks, kept by the channel library and reached through its public face. */
@Injectable()
export class ChannelLibraryMembers extends ChannelMembers {
  constructor(
    private readonly access: CheckMessageAccess,
    private readonly readMarks: AdvanceReadMark,
    private readonly sendersReadMarks: AdvanceSendersReadMarks,
    private readonly allReadMarks: ChannelReadMarks,
  ) {
    super();
  }

  async requireMember(userId: string, channelId: string): Promise<MemberMark> {
    const { lastReadSeq } = await this.access.execute(userId, channelId);
    return { lastReadSeq };
  }

  advanceReadMark(userId: string, channelId: string, seq: number): Promise<boolean> {
    return this.readMarks.execute(userId, channelId, seq);
  }

  readMarksOf(channelId: string): Promise<ReadMark[]> {
    return this.allReadMarks.of(channelId);
  }

  advanceSendersReadMarks(marks: readonly SenderReadMark[]): Promise<void> {
    return this.sendersReadMarks.execute(marks);
  }
}
