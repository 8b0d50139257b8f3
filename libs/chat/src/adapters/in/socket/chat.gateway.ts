import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, ConnectedSocket, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ChannelEvent, CHANNEL_EVENTS_TOPIC, ChannelMemberIds, GetChannel } from '@webchat/channel';
import { AccessTokens, AckError, errorAck, EventBus, Presence, PresenceVisibility, TOKENS_REVOKED_TOPIC, TokensRevoked, validationAck } from '@webchat/platform';
import { FindUsers } from '@webchat/user';
import type { Server, Socket } from 'socket.io';
import { ChatMembership } from '../../../application/ports/chat-membership.port';
import { ChatMetrics } from '../../../application/ports/chat-metrics.port';
import { Delivery, MessageDelivery } from '../../../application/ports/message-delivery.port';
import { MarkRead } from '../../../application/mark-read.use-case';
import { nonMemberRefusal } from '../../../application/non-member-refusal';
import { ChannelMembers } from '../../../application/ports/channel-members.port';
import { SendMessage } from '../../../application/pipeline/send-message.use-case';
import { SocketEventRateLimit } from '../../../application/ports/socket-event-rate-limit.port';
import { ReadReceipt } from '../../../domain/read-receipt';
import { READ_RECEIPTS_TOPIC } from '../../out/events/event-bus-read-receipts.adapter';
import { parseChannelPayload, parseReadPayload, parseSendPayload } from './chat-payloads';
import { CountedMessageView, toCountedMessageView } from '../message-view';
import { channelRoom, userRoom } from './socket-rooms';
import { coalesceWebSocketWrites } from './coalesced-socket-writes';
import { MembershipRoomsRelay } from './membership-rooms.relay';
import { PresenceRelay } from './presence.relay';
import { SocketUser, socketUser } from './socket-user';
import { TokenRevocationRelay } from './token-revocation.relay';

/** Typing notices between nodes: may be dropped, never stored. */
export const TYPING_TOPIC = 'chat.typing';
interface TypingEvent {
  readonly channelId: string;
  readonly userId: string;
}

type SendAck = { ok: true; message: CountedMessageView } | AckError;

/**
 * The socket.io side of chat (DESIGN §5). Nest builds gateways apart from the HTTP app's
 * pipes, guards and filters, so the token check, payload checks and error acks are all here:
 * a bad payload of any shape gets an error ack and leaves the socket usable.
 */
@Injectable()
// CORS, the frame size bound and the connections per address are the server's (SecureIoAdapter), not the gateway's.
@WebSocketGateway()
export class ChatGateway extends MessageDelivery implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private server!: Server;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly logger = new Logger(ChatGateway.name);

  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: FindUsers,
    private readonly memberIds: ChannelMemberIds,
    private readonly channels: GetChannel,
    private readonly membership: ChatMembership,
    private readonly sendMessage: SendMessage,
    private readonly markRead: MarkRead,
    private readonly bus: EventBus,
    private readonly metrics: ChatMetrics,
    private readonly presence: Presence,
    private readonly visibility: PresenceVisibility,
    private readonly eventRate: SocketEventRateLimit,
    private readonly members: ChannelMembers,
  ) {
    super();
  }

  afterInit(server: Server): void {
    coalesceWebSocketWrites(server);
    // A bad token fails the handshake itself: the client gets connect_error "unauthorized".
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (user) => {
          socket.data = { user };
          next();
        },
        () => next(new Error('unauthorized')),
      );
    });
    const rooms = new MembershipRoomsRelay(server, this.channels);
    const presence = new PresenceRelay(server, this.visibility);
    const revocations = new TokenRevocationRelay(server);
    this.unsubscribe.push(
      this.bus.subscribe<ChannelEvent>(CHANNEL_EVENTS_TOPIC, (event) => rooms.apply(event)),
      this.bus.subscribe<TypingEvent>(TYPING_TOPIC, (event) => this.onTyping(event)),
      // A failed look-up must not become an unhandled rejection (which would end the process).
      this.presence.watch((change) => void presence.announce(change).catch((error: unknown) => this.logger.error(error, 'presence relay failed'))),
      this.bus.subscribe<TokensRevoked>(TOKENS_REVOKED_TOPIC, (event) => revocations.apply(event)),
      this.bus.subscribe<ReadReceipt>(READ_RECEIPTS_TOPIC, (receipt) => void this.server.to(channelRoom(receipt.channelId)).emit('receipt', receipt)),
    );
  }

  async handleConnection(socket: Socket): Promise<void> {
    this.metrics.socketConnected();
    const user = socketUser(socket);
    let channelIds: string[];
    try {
      channelIds = await this.memberIds.channelsOf(user.id);
    } catch (error) {
      // Without its rooms the socket would miss messages: better to drop it, so the client reconnects.
      this.logger.error(error, 'could not read the channels of a connecting user');
      socket.disconnect(true);
      return;
    }
    // A socket that closed during the read above was already seen by handleDisconnect, which found
    // nothing to remove: counting it now would keep its user online for good. (Presence records a
    // socket before its first await, so from here on handleDisconnect finds it.)
    if (!socket.connected) return;
    socket.join([userRoom(user.id), ...channelIds.map(channelRoom)]);
    // A revocation announced between the handshake's check and the join above found no socket of
    // this user here to drop; it was stored before it was announced, so asking again finds it.
    if (!(await this.tokenStillValid(socket))) {
      socket.disconnect(true);
      return;
    }
    // It may have closed during that check too: the same reason as above, after every await.
    if (!socket.connected) return;
    await this.presence.connected(user.id, socket.id);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    this.metrics.socketDisconnected();
    const user = (socket.data as { user?: SocketUser }).user;
    if (user) await this.presence.disconnected(user.id, socket.id);
  }

  onModuleDestroy(): void {
    for (const stop of this.unsubscribe) stop();
  }

  @SubscribeMessage('message:send')
  async onSend(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<SendAck> {
    const started = performance.now();
    this.metrics.received();
    const ack = await this.send(socketUser(socket), payload);
    if (ack.ok) this.metrics.acked((performance.now() - started) / 1000);
    else this.metrics.rejected(ack.error.code);
    return ack;
  }

  @SubscribeMessage('message:read')
  async onRead(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<{ ok: true } | AckError> {
    const parsed = parseReadPayload(payload);
    if (!parsed.ok) return validationAck(parsed.reason);
    try {
      this.eventRate.take(socketUser(socket).id);
      await this.markRead.execute(socketUser(socket).id, parsed.value.channelId, parsed.value.seq);
      return { ok: true };
    } catch (error) {
      return errorAck(error);
    }
  }

  @SubscribeMessage('typing')
  async onTypingSent(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<{ ok: true } | AckError> {
    const parsed = parseChannelPayload(payload);
    if (!parsed.ok) return validationAck(parsed.reason);
    const userId = socketUser(socket).id;
    try {
      this.eventRate.take(userId);
    } catch (error) {
      return errorAck(error);
    }
    if (!(await this.membership.isMember(parsed.value.channelId, userId))) return errorAck(await nonMemberRefusal(this.members, userId, parsed.value.channelId));
    await this.bus.publish<TypingEvent>(TYPING_TOPIC, { channelId: parsed.value.channelId, userId }, parsed.value.channelId);
    return { ok: true };
  }

  private async send(sender: SocketUser, payload: unknown): Promise<SendAck> {
    const parsed = parseSendPayload(payload);
    if (!parsed.ok) return validationAck(parsed.reason);
    try {
      const message = await this.sendMessage.execute({ ...parsed.value, sender: { id: sender.id, name: sender.name } });
      return { ok: true, message: toCountedMessageView(message) };
    } catch (error) {
      return errorAck(error);
    }
  }

  /** In log order. Serialized once per message: socket.io encodes a room broadcast once for all its sockets. */
  deliver(deliveries: readonly Delivery[]): void {
    for (const { event, message } of deliveries) {
      const room = this.server.to(channelRoom(message.channelId));
      if (event === 'message:deleted') room.emit(event, { channelId: message.channelId, id: message.id, seq: message.seq });
      else room.emit(event, toCountedMessageView(message));
    }
  }

  private tokenStillValid(socket: Socket): Promise<boolean> {
    return this.tokens.authenticate(handshakeToken(socket)).then(
      () => true,
      () => false,
    );
  }

  private async authenticate(socket: Socket): Promise<SocketUser> {
    const user = await this.tokens.authenticate(handshakeToken(socket));
    const [profile] = await this.users.byIds([user.id]);
    if (!profile) throw new Error('unknown user');
    return { id: user.id, name: profile.username, tokenId: user.tokenId, tokenIssuedAtMs: user.tokenIssuedAtMs };
  }

  private onTyping(event: TypingEvent): void {
    this.server.to(channelRoom(event.channelId)).except(userRoom(event.userId)).emit('typing', event);
  }
}

function handshakeToken(socket: Socket): string | undefined {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}
