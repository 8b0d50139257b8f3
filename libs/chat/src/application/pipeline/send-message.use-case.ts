import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { ChatUnavailableError } from '../../domain/chat.errors';
import { textMessageDraft } from '../../domain/message-draft';
import { CountedMessage } from '../../domain/unread-count';
import { nonMemberRefusal } from '../non-member-refusal';
import { ChannelMembers } from '../ports/channel-members.port';
import { ChatMembership } from '../ports/chat-membership.port';
import { MessageBus } from '../ports/message-bus.port';
import { SendRateLimit } from '../ports/send-rate-limit.port';
import { PendingAcks } from './pending-acks';

export interface SendMessageCommand {
  readonly channelId: string;
  readonly sender: { readonly id: string; readonly name: string };
  readonly clientMsgId: string;
  readonly text: string;
}

/**
 * `message:send`: checks shape, membership and rate from memory, puts the draft on the
 * log and answers only once the message is stored, so every acked message is in history.
 */
export class SendMessage {
  constructor(
    private readonly membership: ChatMembership,
    private readonly members: ChannelMembers,
    private readonly rateLimit: SendRateLimit,
    private readonly bus: MessageBus,
    private readonly pending: PendingAcks,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendMessageCommand): Promise<CountedMessage> {
    const draft = textMessageDraft({
      id: this.ids.next(),
      channelId: command.channelId,
      senderId: command.sender.id,
      senderName: command.sender.name,
      clientMsgId: command.clientMsgId,
      text: command.text,
      createdAt: this.clock.now(),
    });
    if (!(await this.membership.isMember(command.channelId, command.sender.id))) throw await nonMemberRefusal(this.members, command.sender.id, command.channelId);
    this.rateLimit.take(command.sender.id);
    const publish = new AbortController();
    const stored = this.pending.wait(draft.channelId, draft.senderId, draft.clientMsgId, publish.signal);
    // A log that refuses the draft (Kafka while no broker answers): the send fails now, its waiter
    // with it, instead of timing out later with nobody listening. The retry is safe either way.
    await this.bus.publishDraft(draft).catch(() => publish.abort(new ChatUnavailableError('The message could not be put on the log; retry with the same clientMsgId')));
    return stored;
  }
}
