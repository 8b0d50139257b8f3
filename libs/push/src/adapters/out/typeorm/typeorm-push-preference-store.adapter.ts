import { Injectable } from '@nestjs/common';
import { SqlTransactions } from '@webchat/platform';
import { DataSource, In } from 'typeorm';
import { PushPreferenceStore } from '../../../application/ports/push-preference-store.port';
import { PushChannelMuteRecord } from './push-channel-mute.record';
import { PushSettingRecord } from './push-setting.record';

/** PushPreferenceStore on TypeORM: the same code serves SQLite and MySQL. */
@Injectable()
export class TypeormPushPreferenceStore extends PushPreferenceStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async mute(userId: string, channelId: string): Promise<void> {
    // Insert-or-ignore: muting twice keeps the first mute (and its time), with no read first.
    await this.transactions.run((manager) =>
      manager.createQueryBuilder().insert().into(PushChannelMuteRecord).values({ userId, channelId, createdAt: new Date() }).orIgnore().execute(),
    );
  }

  async unmute(userId: string, channelId: string): Promise<boolean> {
    const result = await this.transactions.run((manager) => manager.getRepository(PushChannelMuteRecord).delete({ userId, channelId }));
    return (result.affected ?? 0) > 0;
  }

  async mutedBy(userId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(PushChannelMuteRecord).find({ where: { userId }, order: { createdAt: 'ASC', channelId: 'ASC' } });
    return rows.map((row) => row.channelId);
  }

  async mutedAmong(channelId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(PushChannelMuteRecord)
      .find({ select: { userId: true }, where: { channelId, userId: In([...new Set(userIds)]) } });
    return new Set(rows.map((row) => row.userId));
  }

  async setShowPrivateText(userId: string, show: boolean): Promise<void> {
    await this.transactions.run((manager) => manager.getRepository(PushSettingRecord).upsert({ userId, showPrivateText: show }, ['userId']));
  }

  async showingPrivateText(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(PushSettingRecord)
      .find({ select: { userId: true }, where: { userId: In([...new Set(userIds)]), showPrivateText: true } });
    return new Set(rows.map((row) => row.userId));
  }

  async removeAllOf(userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.getRepository(PushChannelMuteRecord).delete({ userId });
      await manager.getRepository(PushSettingRecord).delete({ userId });
    });
  }
}
