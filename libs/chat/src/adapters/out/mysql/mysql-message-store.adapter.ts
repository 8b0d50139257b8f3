import { Injectable } from '@nestjs/common';
import { SqlTransactions } from '@webchat/platform';
import { DataSource, EntityManager } from 'typeorm';
import { requirePageLimit, requireSeqCursor } from '../../../application/ports/message-store.arguments';
import { AppendOutcome, MessageStore, ReadMark } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { ChangeOutcome, MessageChange } from '../../../domain/message-change';
import { foldForSearch } from '../../../domain/search-fold';
import { chunksOf, distinct, planAppend, retryKeyOf } from '../append-plan';
import { planChanges, targetIds } from '../change-plan';
import { fromMysqlRow, MYSQL_MESSAGE_COLUMNS, MysqlMessageRow, toMysqlValues } from './mysql-message-row';
import { retryOnDeadlock } from './retry-on-deadlock';

// Keeps each statement's parameter list and packet small.
const CHUNK = 200;
const SELECT = `SELECT ${MYSQL_MESSAGE_COLUMNS} FROM messages`;
const placeholders = (count: number, group = '?') => Array.from({ length: count }, () => group).join(', ');
const ROW_PLACEHOLDERS = `(${placeholders(MYSQL_MESSAGE_COLUMNS.split(', ').length)})`;

/**
 * MessageStore on the shared TypeORM data source (MySQL/MariaDB, InnoDB).
 * appendBatch locks the `message_sequences` row of each channel of the batch
 * (FOR UPDATE, in ascending channel order) before it reads anything, so two
 * batches of one channel run one after the other and seqs never repeat or skip.
 */
@Injectable()
export class MysqlMessageStore extends MessageStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    if (drafts.length === 0) return [];
    return retryOnDeadlock(() => this.transactions.run((manager) => this.append(manager, drafts)));
  }

  async applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    if (changes.length === 0) return [];
    return retryOnDeadlock(() => this.transactions.run((manager) => this.change(manager, changes)));
  }

  async pageLatest(channelId: string, limit: number): Promise<Message[]> {
    return (await this.rows(`${SELECT} WHERE channel_id = ? ORDER BY seq DESC LIMIT ?`, [channelId, requirePageLimit(limit)])).reverse();
  }

  async pageAfter(channelId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.rows(`${SELECT} WHERE channel_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`, [
      channelId,
      requireSeqCursor(afterSeq),
      requirePageLimit(limit),
    ]);
  }

  async pageBefore(channelId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    const rows = await this.rows(`${SELECT} WHERE channel_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`, [
      channelId,
      requireSeqCursor(beforeSeq),
      requirePageLimit(limit),
    ]);
    return rows.reverse();
  }

  async search(channelId: string, query: string, limit: number): Promise<Message[]> {
    requirePageLimit(limit);
    if (query === '') return [];
    // INSTR, not LIKE: the query is matched literally, so '%' and '_' need no escaping.
    // The text's binary collation makes the comparison exact after both sides are lower-cased.
    return this.rows(`${SELECT} WHERE channel_id = ? AND type = 'TEXT' AND deleted_at IS NULL AND INSTR(LOWER(text), ?) > 0 ORDER BY seq DESC LIMIT ?`, [
      channelId,
      foldForSearch(query),
      limit,
    ]);
  }

  async findByIds(ids: readonly string[]): Promise<Message[]> {
    const found: Message[] = [];
    // By the unique key on id: one seek per id.
    for (const chunk of chunksOf(distinct(ids), CHUNK)) found.push(...(await this.rows(`${SELECT} WHERE id IN (${placeholders(chunk.length)})`, chunk)));
    return found;
  }

  async lastMessages(channelIds: readonly string[]): Promise<ReadonlyMap<string, Message>> {
    const found = new Map<string, Message>();
    for (const ids of chunksOf(distinct(channelIds), CHUNK)) {
      const rows = await this.rows(
        `SELECT ${MYSQL_MESSAGE_COLUMNS.split(', ').map((column) => `m.${column}`).join(', ')}
         FROM message_sequences s JOIN messages m ON m.channel_id = s.channel_id AND m.seq = s.last_seq
         WHERE s.channel_id IN (${placeholders(ids.length)})`,
        ids,
      );
      for (const message of rows) found.set(message.channelId, message);
    }
    return found;
  }

  async unreadCounts(marks: readonly ReadMark[]): Promise<ReadonlyMap<string, number>> {
    const counts = new Map(marks.map((mark) => [mark.channelId, 0]));
    for (const chunk of chunksOf(marks, CHUNK)) {
      const rows: { channel_id: string; unread: string | number }[] = await this.dataSource.query(
        `SELECT channel_id, COUNT(*) AS unread FROM messages
         WHERE type = 'TEXT' AND (${chunk.map(() => '(channel_id = ? AND seq > ? AND sender_id <> ?)').join(' OR ')})
         GROUP BY channel_id`,
        chunk.flatMap((mark) => [mark.channelId, requireSeqCursor(mark.lastReadSeq), mark.userId]),
      );
      for (const row of rows) counts.set(row.channel_id, Number(row.unread));
    }
    return counts;
  }

  async lastSeq(channelIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const ids = distinct(channelIds);
    const seqs = new Map(ids.map((channelId) => [channelId, 0]));
    for (const chunk of chunksOf(ids, CHUNK)) {
      const rows = await this.dataSource.query(
        `SELECT channel_id, last_seq FROM message_sequences WHERE channel_id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows as { channel_id: string; last_seq: string | number }[]) seqs.set(row.channel_id, Number(row.last_seq));
    }
    return seqs;
  }

  private async append(manager: EntityManager, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    const channelIds = distinct(drafts.map((draft) => draft.channelId)).sort();
    const lastSeq = await this.lockSequences(manager, channelIds);
    // Read only now, under the locks: InnoDB takes this transaction's snapshot at its
    // first plain read, so it already sees every batch committed by an earlier lock holder.
    const stored = await this.storedRetries(manager, drafts);
    const plan = planAppend(drafts, stored, lastSeq);
    for (const rows of chunksOf(plan.fresh, CHUNK)) {
      await manager.query(
        `INSERT INTO messages (${MYSQL_MESSAGE_COLUMNS}) VALUES ${placeholders(rows.length, ROW_PLACEHOLDERS)}`,
        rows.flatMap(toMysqlValues),
      );
    }
    for (const [channelId, seq] of plan.lastSeq) {
      await manager.query('UPDATE message_sequences SET last_seq = ? WHERE channel_id = ?', [seq, channelId]);
    }
    return plan.outcomes;
  }

  /** Reads the targets locked (FOR UPDATE) until commit, decides each change in order, writes the text in place. */
  private async change(manager: EntityManager, changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    const stored = new Map<string, Message>();
    for (const ids of chunksOf(targetIds(changes), CHUNK)) {
      const rows: MysqlMessageRow[] = await manager.query(`${SELECT} WHERE id IN (${placeholders(ids.length)}) FOR UPDATE`, ids);
      for (const message of rows.map(fromMysqlRow)) stored.set(message.id, message);
    }
    const plan = planChanges(changes, stored);
    for (const message of plan.changed) {
      await manager.query('UPDATE messages SET text = ?, edited_at = ?, deleted_at = ? WHERE channel_id = ? AND seq = ?', [
        message.text,
        message.editedAt,
        message.deletedAt,
        message.channelId,
        message.seq,
      ]);
    }
    return plan.outcomes;
  }

  /** Creates missing sequence rows and locks every one of them until commit; answers each channel's last seq. */
  private async lockSequences(manager: EntityManager, channelIds: readonly string[]): Promise<Map<string, number>> {
    const lastSeq = new Map<string, number>();
    for (const ids of chunksOf(channelIds, CHUNK)) {
      await manager.query(
        `INSERT INTO message_sequences (channel_id, last_seq) VALUES ${placeholders(ids.length, '(?, 0)')}
         ON DUPLICATE KEY UPDATE channel_id = channel_id`,
        ids,
      );
      const rows: { channel_id: string; last_seq: string | number }[] = await manager.query(
        `SELECT channel_id, last_seq FROM message_sequences WHERE channel_id IN (${placeholders(ids.length)})
         ORDER BY channel_id FOR UPDATE`,
        ids,
      );
      for (const row of rows) lastSeq.set(row.channel_id, Number(row.last_seq));
    }
    return lastSeq;
  }

  private async storedRetries(manager: EntityManager, drafts: readonly MessageDraft[]): Promise<Map<string, Message>> {
    const keyed = drafts.filter((draft) => retryKeyOf(draft) !== undefined);
    const stored = new Map<string, Message>();
    for (const chunk of chunksOf(keyed, CHUNK)) {
      const rows: MysqlMessageRow[] = await manager.query(
        `${SELECT} WHERE ${chunk.map(() => '(channel_id = ? AND sender_id = ? AND client_msg_id = ?)').join(' OR ')}`,
        chunk.flatMap((draft) => [draft.channelId, draft.senderId, draft.clientMsgId]),
      );
      for (const message of rows.map(fromMysqlRow)) {
        const key = retryKeyOf(message);
        if (key !== undefined) stored.set(key, message);
      }
    }
    return stored;
  }

  private async rows(sql: string, parameters: unknown[]): Promise<Message[]> {
    const rows: MysqlMessageRow[] = await this.dataSource.query(sql, parameters);
    return rows.map(fromMysqlRow);
  }
}
