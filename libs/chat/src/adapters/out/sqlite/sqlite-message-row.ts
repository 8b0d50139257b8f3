import { Message } from '../../../domain/message';

/** A `messages` row as better-sqlite3 returns it. */
export interface SqliteMessageRow {
  id: string;
  channel_id: string;
  seq: number;
  type: string;
  sender_id: string | null;
  sender_name: string | null;
  text: string;
  client_msg_id: string | null;
  created_at: number;
  reply_to_id: string | null;
  edited_at: number | null;
  deleted_at: number | null;
}

export const SQLITE_MESSAGE_COLUMNS = 'id, channel_id, seq, type, sender_id, sender_name, text, client_msg_id, created_at, reply_to_id, edited_at, deleted_at';

export function fromSqliteRow(row: SqliteMessageRow): Message {
  const common = {
    id: row.id,
    channelId: row.channel_id,
    seq: row.seq,
    senderName: row.sender_name,
    text: row.text,
    createdAt: new Date(row.created_at),
    editedAt: dateOrNull(row.edited_at),
    deletedAt: dateOrNull(row.deleted_at),
  };
  return row.type === 'SYSTEM'
    ? { ...common, type: 'SYSTEM', senderId: null, clientMsgId: null, replyToId: null }
    : { ...common, type: 'TEXT', senderId: present(row.sender_id), clientMsgId: present(row.client_msg_id), replyToId: row.reply_to_id };
}

// The table's CHECK constraint gives every TEXT row a sender and a client id.
function present(value: string | null): string {
  if (value === null) throw new Error('A TEXT message row without sender or client id');
  return value;
}

export function toSqliteRow(message: Message): SqliteMessageRow {
  return {
    id: message.id,
    channel_id: message.channelId,
    seq: message.seq,
    type: message.type,
    sender_id: message.senderId,
    sender_name: message.senderName,
    text: message.text,
    client_msg_id: message.clientMsgId,
    created_at: message.createdAt.getTime(),
    reply_to_id: message.replyToId,
    edited_at: message.editedAt?.getTime() ?? null,
    deleted_at: message.deletedAt?.getTime() ?? null,
  };
}

function dateOrNull(milliseconds: number | null): Date | null {
  return milliseconds === null ? null : new Date(milliseconds);
}
