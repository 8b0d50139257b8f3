import { isEntityId } from '@webchat/platform/kernel';

/** A socket payload as parsed: the value, or why it was refused (answered as a VALIDATION ack). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface SendPayload {
  readonly channelId: string;
  readonly clientMsgId: string;
  readonly text: string;
  readonly replyToId: string | null;
}

export interface ChannelPayload {
  readonly channelId: string;
}

/** `message:send`: {channelId, clientMsgId, text} and an optional replyToId (a message id or null); lengths are the domain's to check. */
export function parseSendPayload(payload: unknown): Parsed<SendPayload> {
  const fields = plainObject(payload, ['channelId', 'clientMsgId', 'text', 'replyToId']);
  if (!fields.ok) return fields;
  const { channelId, clientMsgId, text, replyToId = null } = fields.value;
  if (!isEntityId(channelId)) return refuse('channelId must be a channel id');
  if (typeof clientMsgId !== 'string') return refuse('clientMsgId must be a string');
  if (typeof text !== 'string') return refuse('text must be a string');
  if (replyToId !== null && !isEntityId(replyToId)) return refuse('replyToId must be a message id or null');
  return { ok: true, value: { channelId, clientMsgId, text, replyToId } };
}

export interface EditPayload {
  readonly channelId: string;
  readonly messageId: string;
  readonly text: string;
}

export interface DeletePayload {
  readonly channelId: string;
  readonly messageId: string;
}

/** `message:edit`: exactly {channelId, messageId, text}; the text's rules are the domain's to check. */
export function parseEditPayload(payload: unknown): Parsed<EditPayload> {
  const fields = plainObject(payload, ['channelId', 'messageId', 'text']);
  if (!fields.ok) return fields;
  const { channelId, messageId, text } = fields.value;
  if (!isEntityId(channelId)) return refuse('channelId must be a channel id');
  if (!isEntityId(messageId)) return refuse('messageId must be a message id');
  if (typeof text !== 'string') return refuse('text must be a string');
  return { ok: true, value: { channelId, messageId, text } };
}

/** `message:delete`: exactly {channelId, messageId}. */
export function parseDeletePayload(payload: unknown): Parsed<DeletePayload> {
  const fields = plainObject(payload, ['channelId', 'messageId']);
  if (!fields.ok) return fields;
  const { channelId, messageId } = fields.value;
  if (!isEntityId(channelId)) return refuse('channelId must be a channel id');
  if (!isEntityId(messageId)) return refuse('messageId must be a message id');
  return { ok: true, value: { channelId, messageId } };
}

/** `typing`: exactly {channelId}. */
export function parseChannelPayload(payload: unknown): Parsed<ChannelPayload> {
  const fields = plainObject(payload, ['channelId']);
  if (!fields.ok) return fields;
  if (!isEntityId(fields.value.channelId)) return refuse('channelId must be a channel id');
  return { ok: true, value: { channelId: fields.value.channelId } };
}

function plainObject(payload: unknown, allowed: readonly string[]): Parsed<Record<string, unknown>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return refuse('the payload must be an object');
  const unknownKey = Object.keys(payload).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) return refuse(`property ${unknownKey} should not exist`);
  return { ok: true, value: payload as Record<string, unknown> };
}

function refuse<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

export interface ReadPayload {
  readonly channelId: string;
  readonly seq: number;
}

/** `message:read`: exactly {channelId, seq} with seq an integer ≥ 0. */
export function parseReadPayload(payload: unknown): Parsed<ReadPayload> {
  const fields = plainObject(payload, ['channelId', 'seq']);
  if (!fields.ok) return fields;
  const { channelId, seq } = fields.value;
  if (!isEntityId(channelId)) return refuse('channelId must be a channel id');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return refuse('seq must be an integer of at least 0');
  return { ok: true, value: { channelId, seq } };
}
