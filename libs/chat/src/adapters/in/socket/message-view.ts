import { Message } from '../../../domain/message';

/** A message as clients see it (DESIGN §5 `message`), in acks, `message:new` and history. */
export interface MessageView {
  readonly id: string;
  readonly channelId: string;
  readonly seq: number;
  readonly type: Message['type'];
  readonly senderId: string | null;
  readonly senderName: string | null;
  readonly text: string;
  readonly clientMsgId: string | null;
  readonly createdAt: string;
}

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    channelId: message.channelId,
    seq: message.seq,
    type: message.type,
    senderId: message.senderId,
    senderName: message.senderName,
    text: message.text,
    clientMsgId: message.clientMsgId,
    createdAt: message.createdAt.toISOString(),
  };
}
