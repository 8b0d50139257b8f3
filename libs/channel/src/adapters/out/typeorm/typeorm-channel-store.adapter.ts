import { Injectable } from '@nestjs/common';
import { forUpdate, inShareMode, isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, EntityManager, In, Raw } from 'typeorm';
import { ChannelStore, InviteOutcome, LeaveOutcome, LeaveSteps, MemberReadMark, MyChannel, ReadMarkAdvance, ReadMarkTarget } from '../../../application/ports/channel-store.port';
import { Channel, ChannelView } from '../../../domain/channel';
import { ChannelNotFoundError, NotChannelMemberError } from '../../../domain/channel.errors';
import { Membership, nextOwner } from '../../../domain/membership';
import { ChannelMemberRecord } from './channel-member.record';
import { containsPattern, toChannelRecord, toChannelView, toMembership } from './channel-record.mapper';
import { ChannelRecord } from './channel.record';

/** ChannelStore on TypeORM, for SQLite and MySQL. Membership changes lock the channel row first. */
@Injectable()
export class TypeormChannelStore extends ChannelStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async createGroup(channel: Channel, owner: Membership): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.insert(ChannelRecord, toChannelRecord(channel));
      await manager.insert(ChannelMemberRecord, owner);
    });
  }

  async openDirect(channel: Channel, members: readonly Membership[]): Promise<{ channel: ChannelView; created: boolean }> {
    try {
      await this.transactions.run(async (manager) => {
        await manager.insert(ChannelRecord, toChannelRecord(channel));
        await manager.insert(ChannelMemberRecord, [...members]);
      });
      return { channel: toChannelView(toChannelRecord(channel), members.length), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.dataSource.manager.findOneByOrFail(ChannelRecord, { directKey: channel.directKey ?? '' });
      return { channel: (await this.withCounts([existing]))[0], created: false };
    }
  }

  async findById(channelId: string): Promise<ChannelView | undefined> {
    const record = await this.dataSource.manager.findOneBy(ChannelRecord, { id: channelId });
    return record ? (await this.withCounts([record]))[0] : undefined;
  }

  async findMembership(channelId: string, userId: string): Promise<Membership | undefined> {
    const record = await this.dataSource.manager.findOneBy(ChannelMemberRecord, { channelId, userId });
    return record ? toMembership(record) : undefined;
  }

  async listForMember(userId: string): Promise<MyChannel[]> {
    const memberships = await this.dataSource.manager.find(ChannelMemberRecord, {
      where: { userId },
      order: { joinedAt: 'DESC', channelId: 'ASC' },
    });
    if (memberships.length === 0) return [];
    const records = await this.dataSource.manager.findBy(ChannelRecord, { id: In(memberships.map((m) => m.channelId)) });
    const views = new Map((await this.withCounts(records)).map((view) => [view.id, view]));
    return memberships.flatMap((membership) => {
      const channel = views.get(membership.channelId);
      return channel ? [{ channel, membership: toMembership(membership) }] : [];
    });
  }

  async searchPublic(query: string, limit: number): Promise<ChannelView[]> {
    const records = await this.dataSource.manager.find(ChannelRecord, {
      where: {
        kind: 'GROUP',
        isPrivate: false,
        nameFolded: Raw((column) => `${column} LIKE :pattern ESCAPE '!'`, { pattern: containsPattern(query) }),
      },
      order: { nameFolded: 'ASC', id: 'ASC' },
      take: limit,
    });
    return this.withCounts(records);
  }

  async addMembers(channelId: string, members: readonly Membership[]): Promise<string[]> {
    return this.transactions.run(async (manager) => {
      if (!(await this.lockChannel(manager, channelId))) throw new ChannelNotFoundError();
      return this.insertNewMembers(manager, channelId, members);
    });
  }

  async invite(channelId: string, inviterId: string, members: readonly Membership[]): Promise<InviteOutcome> {
    return this.transactions.run(async (manager) => {
      if (!(await this.lockChannel(manager, channelId))) throw new ChannelNotFoundError();
      if (!(await manager.existsBy(ChannelMemberRecord, { channelId, userId: inviterId }))) throw new NotChannelMemberError();
      const added = await this.insertNewMembers(manager, channelId, members);
      return { added, members: await this.membersOf(manager, channelId) };
    });
  }

  async removeMember(channelId: string, userId: string, steps: LeaveSteps = {}): Promise<LeaveOutcome> {
    return this.transactions.run(async (manager) => {
      const channel = await this.lockChannel(manager, channelId);
      const leaving = channel && (await manager.findOneBy(ChannelMemberRecord, { channelId, userId }));
      if (!channel || !leaving) return { removed: false, channelDeleted: false };
      await manager.delete(ChannelMemberRecord, { channelId, userId });
      const remaining = await manager.findBy(ChannelMemberRecord, { channelId });
      if (remaining.length === 0) {
        // Runs while the row is locked FOR UPDATE: every holdOpen of this channel has committed or waits.
        await steps.beforeDelete?.();
        await manager.delete(ChannelRecord, { id: channelId });
        return { removed: true, channelDeleted: true };
      }
      const outcome = await this.passOwnershipOn(manager, channel, leaving, remaining);
      const ownerId = outcome.newOwnerId ?? channel.ownerId;
      if (ownerId) await steps.afterLeave?.(ownerId);
      return outcome;
    });
  }

  private async passOwnershipOn(
    manager: EntityManager,
    channel: ChannelRecord,
    leaving: ChannelMemberRecord,
    remaining: readonly ChannelMemberRecord[],
  ): Promise<LeaveOutcome> {
    if (leaving.role !== 'OWNER') return { removed: true, channelDeleted: false };
    const heir = nextOwner(remaining.map(toMembership), leaving.userId);
    if (!heir) return { removed: true, channelDeleted: false };
    await manager.update(ChannelMemberRecord, { channelId: channel.id, userId: heir.userId }, { role: 'OWNER' });
    if (channel.kind === 'GROUP') await manager.update(ChannelRecord, { id: channel.id }, { ownerId: heir.userId });
    return { removed: true, channelDeleted: false, newOwnerId: heir.userId };
  }

  async holdOpen(channelId: string): Promise<boolean> {
    const manager = this.transactions.current();
    const [sql, parameters] = manager.createQueryBuilder(ChannelRecord, 'c').select('c.id', 'id').where('c.id = :channelId', { channelId }).getQueryAndParameters();
    const rows: unknown[] = await manager.query(`${sql}${inShareMode(manager)}`, parameters);
    return rows.length > 0;
  }

  async advanceReadMark(channelId: string, userId: string, seq: number): Promise<ReadMarkAdvance | undefined> {
    if (await this.raiseReadMark(this.dataSource.manager, { channelId, userId, seq })) return { moved: true };
    return (await this.dataSource.manager.existsBy(ChannelMemberRecord, { channelId, userId })) ? { moved: false } : undefined;
  }

  async advanceReadMarks(marks: readonly ReadMarkTarget[]): Promise<void> {
    if (marks.length === 0) return;
    // One commit for the lot: the persist stage moves its senders' marks a few times a second. Plain
    // SQL, the same compare-and-set as raiseReadMark: the query builder cost ~1 ms of the event loop
    // per row, thousands of rows a second under load (the bench:chat steady profile).
    const table = this.dataSource.getMetadata(ChannelMemberRecord).tablePath;
    const sql = `UPDATE ${table} SET last_read_seq = ? WHERE channel_id = ? AND user_id = ? AND last_read_seq < ?`;
    await this.transactions.run(async (manager) => {
      for (const { channelId, userId, seq } of marks) await manager.query(sql, [seq, channelId, userId, seq]);
    });
  }

  /** A compare-and-set on the row: of concurrent raises the highest wins, none moves it back. */
  private async raiseReadMark(manager: EntityManager, { channelId, userId, seq }: ReadMarkTarget): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ChannelMemberRecord)
      .set({ lastReadSeq: seq })
      .where('channel_id = :channelId AND user_id = :userId AND last_read_seq < :seq', { channelId, userId, seq })
      .execute();
    return Boolean(result.affected);
  }

  async readMarksOf(channelId: string): Promise<MemberReadMark[]> {
    // The channel's rows by the primary key's prefix, two columns, sorted by the database. Plain SQL:
    // building entities cost ~3 µs a row, most of a history page's time in a channel of thousands.
    const table = this.dataSource.getMetadata(ChannelMemberRecord).tablePath;
    const sql = `SELECT user_id AS userId, last_read_seq AS lastReadSeq FROM ${table} WHERE channel_id = ? ORDER BY last_read_seq, user_id`;
    const rows: { userId: string; lastReadSeq: string | number }[] = await this.dataSource.manager.query(sql, [channelId]);
    return rows.map(({ userId, lastReadSeq }) => ({ userId, lastReadSeq: Number(lastReadSeq) }));
  }

  listMembers(channelId: string): Promise<Membership[]> {
    return this.membersOf(this.dataSource.manager, channelId);
  }

  async peersOf(userId: string, among?: readonly string[]): Promise<string[]> {
    if (among?.length === 0) return [];
    // The user's memberships by ix_channel_members_user, then each channel's members by the primary key.
    const query = this.dataSource.manager
      .createQueryBuilder(ChannelMemberRecord, 'mine')
      .innerJoin(ChannelMemberRecord, 'peer', 'peer.channel_id = mine.channel_id')
      .select('DISTINCT peer.user_id', 'userId')
      .where('mine.user_id = :userId', { userId })
      .andWhere('peer.user_id <> :userId', { userId });
    if (among) query.andWhere('peer.user_id IN (:...among)', { among: [...new Set(among)] });
    const rows: { userId: string }[] = await query.getRawMany();
    return rows.map((row) => row.userId);
  }

  /** Inserts the members not yet in the channel (the caller holds the channel's lock); resolves their ids. */
  private async insertNewMembers(manager: EntityManager, channelId: string, members: readonly Membership[]): Promise<string[]> {
    const wanted = members.map((member) => member.userId);
    const present = await manager.findBy(ChannelMemberRecord, { channelId, userId: In(wanted) });
    const presentIds = new Set(present.map((member) => member.userId));
    const fresh = members.filter((member) => !presentIds.has(member.userId));
    if (fresh.length > 0) await manager.insert(ChannelMemberRecord, fresh);
    return fresh.map((member) => member.userId);
  }

  private async membersOf(manager: EntityManager, channelId: string): Promise<Membership[]> {
    const records = await manager.find(ChannelMemberRecord, { where: { channelId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
    return records.map(toMembership);
  }

  /** Reads the channel row and blocks other membership changes of it until commit; null when it is gone. */
  private lockChannel(manager: EntityManager, channelId: string): Promise<ChannelRecord | null> {
    return manager.findOne(ChannelRecord, { where: { id: channelId }, lock: forUpdate(manager) });
  }

  private async withCounts(records: readonly ChannelRecord[]): Promise<ChannelView[]> {
    if (records.length === 0) return [];
    const rows: { channelId: string; count: string | number }[] = await this.dataSource.manager
      .createQueryBuilder(ChannelMemberRecord, 'm')
      .select('m.channel_id', 'channelId')
      .addSelect('COUNT(*)', 'count')
      .where('m.channel_id IN (:...ids)', { ids: records.map((record) => record.id) })
      .groupBy('m.channel_id')
      .getRawMany();
    const counts = new Map(rows.map((row) => [row.channelId, Number(row.count)]));
    return records.map((record) => toChannelView(record, counts.get(record.id) ?? 0));
  }
}
