import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { messageDeletion } from '../../domain/message-change';
import { ChannelOwnership } from '../ports/channel-ownership.port';
import { MessageBus } from '../ports/message-bus.port';
import { ChannelWriteGate } from './channel-write-gate';
import { PendingAcks } from './pending-acks';
import { submitChange } from './submit-change';

export interface DeleteMessageCommand {
  readonly channelId: string;
  readonly messageId: string;
  readonly deleterId: string;
}

/**
 * `message:delete`: checks membership and rate, notes whether the deleter owns the channel now,
 * then puts the delete on the log in order with the channel's sends; the persist stage decides the
 * rest (own message, or any TEXT message for the owner; never a SYSTEM one) and empties the text.
 */
export class DeleteMessage {
  private lastAtMs = 0;

  constructor(
    private readonly gate: ChannelWriteGate,
    private readonly ownership: ChannelOwnership,
    private readonly bus: MessageBus,
    private readonly pending: PendingAcks,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeleteMessageCommand): Promise<void> {
    await this.gate.admit(command.channelId, command.deleterId);
    const deletion = messageDeletion({
      id: this.ids.next(),
      channelId: command.channelId,
      messageId: command.messageId,
      requesterId: command.deleterId,
      requesterOwnsChannel: await this.ownership.isOwner(command.channelId, command.deleterId),
      at: this.nextAt(),
    });
    await submitChange(this.bus, this.pending, deletion);
  }

  /**
   * The persist stage tells a delete replayed after a crash (it finds the `deletedAt` it wrote, and
   * announces again) from a repeated one (answered ok, announced never) by its time. So two deletes
   * from this node never share a millisecond: the second of two in one would be announced twice.
   */
  private nextAt(): Date {
    this.lastAtMs = Math.max(this.clock.now().getTime(), this.lastAtMs + 1);
    return new Date(this.lastAtMs);
  }
}
