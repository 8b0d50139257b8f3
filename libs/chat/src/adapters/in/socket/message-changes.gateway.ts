import { Injectable } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { AckError, errorAck, validationAck } from '@webchat/platform';
import type { Socket } from 'socket.io';
import { DeleteMessage } from '../../../application/pipeline/delete-message.use-case';
import { EditMessage } from '../../../application/pipeline/edit-message.use-case';
import { CountedMessageView, toCountedMessageView } from '../message-view';
import { parseDeletePayload, parseEditPayload } from './chat-payloads';
import { socketUser } from './socket-user';

type EditAck = { ok: true; message: CountedMessageView } | AckError;

/**
 * `message:edit` and `message:delete` (DESIGN §5, message features). The sockets are ChatGateway's
 * (same server, authenticated by its handshake check); members see the outcome as
 * `message:updated` / `message:deleted`, which ChatGateway emits in log order with `message:new`.
 */
@Injectable()
// CORS, the frame size bound and the connections per address are the server's (SecureIoAdapter), not the gateway's.
@WebSocketGateway()
export class MessageChangesGateway {
  constructor(
    private readonly editMessage: EditMessage,
    private readonly deleteMessage: DeleteMessage,
  ) {}

  @SubscribeMessage('message:edit')
  async onEdit(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<EditAck> {
    const parsed = parseEditPayload(payload);
    if (!parsed.ok) return validationAck(parsed.reason);
    try {
      const message = await this.editMessage.execute({ ...parsed.value, editorId: socketUser(socket).id });
      return { ok: true, message: toCountedMessageView(message) };
    } catch (error) {
      return errorAck(error);
    }
  }

  @SubscribeMessage('message:delete')
  async onDelete(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<{ ok: true } | AckError> {
    const parsed = parseDeletePayload(payload);
    if (!parsed.ok) return validationAck(parsed.reason);
    try {
      await this.deleteMessage.execute({ ...parsed.value, deleterId: socketUser(socket).id });
      return { ok: true };
    } catch (error) {
      return errorAck(error);
    }
  }
}
