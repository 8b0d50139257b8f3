import type { GatewayMetadata } from '@nestjs/websockets';

/**
 * The one socket.io server of the chat gateways (the first gateway's options make it; every gateway
 * of the default namespace shares it). A frame may hold a 4,000-character message with room to
 * spare, so an oversized text still gets its VALIDATION ack; past this bound socket.io drops the
 * connection instead of buffering it.
 */
export const CHAT_GATEWAY_OPTIONS: GatewayMetadata = { cors: { origin: true }, maxHttpBufferSize: 128 * 1024 };
