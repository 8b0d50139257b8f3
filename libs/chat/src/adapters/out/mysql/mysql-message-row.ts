import { Message } from '../../../domain/message';

/** A `messages` row as mysql2 returns it through TypeORM (BIGINT as a string, VARBINARY as a Buffer). */
export interface MysqlMessageRow {
  id: string;
  channel_id: string;
  seq: string | number;
  type: string;
  sender_id: string | null;
  sender_name: string | null;
  text: string;
  client_msg_id: Buffer | string | null;
  created_at: Date;
  reply_to_id: string | null;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export const MYSQL_MESSAGE_COLUMNS = 'id, channel_id, seq, type, sender_id, sender_name, text, client_msg_id, created_at, reply_to_id, edited_at, deleted_at';

export function fromMysqlRow(row: MysqlMessageRow): Message {
  const common = {
    id: row.id,
    channelId: row.channel_id,
    seq: Number(row.seq),
    senderName: row.sender_name,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
  if (row.type === 'SYSTEM') return { ...common, type: 'SYSTEM', senderId: null, clientMsgId: null, replyToId: null };
  // The table's CHECK constraint gives every TEXT row a sender and a client id.
  if (row.sender_id === null || row.client_msg_id === null) throw new Error('A TEXT message row without sender or client id');
  const clientMsgId = typeof row.client_msg_id === 'string' ? row.client_msg_id : row.client_msg_id.toString('utf8');
  return { ...common, type: 'TEXT', senderId: row.sender_id, clientMsgId, replyToId: row.reply_to_id };
}

/** The values of one row, in MYSQL_MESSAGE_COLUMNS order. */
export function toMysqlValues(message: Message): unknown[] {
  return [
    message.id,
    message.channelId,
    message.seq,
    message.type,
    message.senderId,
    message.senderName,
    message.text,
    message.clientMsgId,
    message.createdAt,
    message.replyToId,
    message.editedAt,
    message.deletedAt,
  ];
}
