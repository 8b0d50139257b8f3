import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { ChatUnavailableError } from '../../domain/chat.errors';
import { textMessageDraft } from '../../domain/message-draft';
import { requireReplyTarget } from '../../domain/reply-quote';
import { MessageBus } from '../ports/message-bus.port';
import { MessageStore } from '../ports/message-store.port';
import { ChannelWriteGate } from './channel-write-gate';
import { AckedMessage, PendingAcks } from './pending-acks';

export interface SendMessageCommand {
  readonly channelId: string;
  readonly sender: { readonly id: string; readonly name: string };
  readonly clientMsgId: string;
  readonly text: string;
  /** The message of the same channel this one answers. */
  readonly replyToId?: string | null;
}

/**
 * `message:send`: checks shape, membership and rate from memory (and a reply's target in the
 * store), puts the draft on the log and answers only once the message is stored, so every acked
 * message is in history.
 */
export class SendMessage {
  constructor(
    private readonly gate: ChannelWriteGate,
    private readonly bus: MessageBus,
    private readonly pending: PendingAcks,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly store: MessageStore,
  ) {}

  async execute(command: SendMessageCommand): Promise<AckedMessage> {
    const draft = textMessageDraft({
      id: this.ids.next(),
      channelId: command.channelId,
      senderId: command.sender.id,
      senderName: command.sender.name,
      clientMsgId: command.clientMsgId,
      text: command.text,
      createdAt: this.clock.now(),
      replyToId: command.replyToId,
    });
    await this.gate.admit(command.channelId, command.sender.id);
    // Asked of members only (no leak of other channels' ids); a stored message never changes channel.
    if (draft.replyToId !== null) requireReplyTarget((await this.store.findByIds([draft.replyToId]))[0], draft.channelId);
    const publish = new AbortController();
    const stored = this.pending.wait(draft.channelId, draft.senderId, draft.clientMsgId, publish.signal);
    // The answer is the waiter's alone: stored, or UNAVAILABLE at the ack timeout, or at once when
    // the log refuses the draft. The publish is not awaited: while no broker answers, kafkajs keeps
    // retrying well past the ack timeout, and a waiter that timed out meanwhile with nobody awaiting
    // it was an unhandled rejection that ended the process (every node, under load with Kafka down).
    // The retry is safe either way: a draft the log took late is stored once, found by its clientMsgId.
    this.bus.publishDraft(draft).catch(() => publish.abort(new ChatUnavailableError('The message could not be put on the log; retry with the same clientMsgId')));
    return stored;
  }
}
