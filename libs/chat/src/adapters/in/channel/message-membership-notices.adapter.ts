import { Injectable, Logger } from '@nestjs/common';
import { MembershipNotices } from '@webchat/channel';
import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { FindUsers } from '@webchat/user';
import { MessageBus } from '../../../application/ports/message-bus.port';
import { membershipNotice } from '../../../domain/membership-notice';
import { systemMessageDraft } from '../../../domain/message-draft';
import { DELETED_SENDER_NAME } from '../../shown-sender-names';

/**
 * The channel library's membership changes as SYSTEM messages: put on the message log like any
 * send (so they get their own seq, are stored, and reach every node as `message:new`), with the
 * users' names of this moment written into the text. Called once per change by the channel use
 * case that made it (never from the cluster's channel events, which every node receives).
 * Best effort: the change has committed already, so a notice the log refuses is logged and lost,
 * never turned into a failed join, leave or invite.
 */
@Injectable()
export class MessageMembershipNotices extends MembershipNotices {
  private readonly logger = new Logger(MessageMembershipNotices.name);

  constructor(
    private readonly users: FindUsers,
    private readonly bus: MessageBus,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    super();
  }

  joined(channelId: string, userId: string): Promise<void> {
    return this.write(channelId, [userId], ([name]) => membershipNotice.joined(name));
  }

  left(channelId: string, userId: string): Promise<void> {
    return this.write(channelId, [userId], ([name]) => membershipNotice.left(name));
  }

  invited(channelId: string, inviterId: string, userIds: readonly string[]): Promise<void> {
    return this.write(channelId, [inviterId, ...userIds], ([inviter, ...invitees]) => membershipNotice.invited(inviter, invitees));
  }

  private async write(channelId: string, userIds: readonly string[], text: (names: string[]) => string): Promise<void> {
    try {
      const names = new Map((await this.users.byIds(userIds)).map((user) => [user.id, user.username]));
      // An account deleted meanwhile (its leaves are announced after the deletion) is named as in history.
      const draft = systemMessageDraft({ id: this.ids.next(), channelId, text: text(userIds.map((id) => names.get(id) ?? DELETED_SENDER_NAME)), createdAt: this.clock.now() });
      await this.bus.publishDraft(draft);
    } catch (error) {
      this.logger.warn(error, `a membership notice of channel ${channelId} could not be written`);
    }
  }
}
