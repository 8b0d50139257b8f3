import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { messageEdit } from '../../domain/message-change';
import { MessageBus } from '../ports/message-bus.port';
import { ChannelWriteGate } from './channel-write-gate';
import { AckedMessage, PendingAcks } from './pending-acks';
import { submitChange } from './submit-change';

export interface EditMessageCommand {
  readonly channelId: string;
  readonly messageId: string;
  readonly editorId: string;
  readonly text: string;
}

/**
 * `message:edit`: checks the text (a send's rules), membership and rate from memory, then puts the
 * edit on the log in order with the channel's sends; the persist stage decides the rest (own TEXT
 * message, not deleted) and the answer is the message as edited.
 */
export class EditMessage {
  constructor(
    private readonly gate: ChannelWriteGate,
    private readonly bus: MessageBus,
    private readonly pending: PendingAcks,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: EditMessageCommand): Promise<AckedMessage> {
    const edit = messageEdit({
      id: this.ids.next(),
      channelId: command.channelId,
      messageId: command.messageId,
      requesterId: command.editorId,
      text: command.text,
      at: this.clock.now(),
    });
    await this.gate.admit(command.channelId, command.editorId);
    return submitChange(this.bus, this.pending, edit);
  }
}
