import { Injectable } from '@nestjs/common';
import { forUpdate, isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { WalletChannels } from '../../../application/ports/wallet-channels.port';
import { PositionedEntry, WalletStore } from '../../../application/ports/wallet-store.port';
import { Participant, Wallet } from '../../../domain/wallet';
import { PersonalWalletExistsError, WalletChannelNotFoundError, WalletNotFoundError } from '../../../domain/wallet.errors';
import { LedgerEntryRecord } from './ledger-entry.record';
import { WalletParticipantRecord } from './wallet-participant.record';
import { toEntry, toParticipant, toWallet, toWalletRecord } from './wallet-record.mapper';
import { WalletRecord } from './wallet.record';

/**
 * WalletStore on TypeORM, for SQLite and MySQL. Balances are only ever written by TypeormWalletLedger.
 * A group wallet is made, and joined, with its channel held open (as money moves do), so neither
 * happens to a channel its last leave is deleting or has deleted.
 */
@Injectable()
export class TypeormWalletStore extends WalletStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
    private readonly channels: WalletChannels,
  ) {
    super();
  }

  async createPersonal(wallet: Wallet): Promise<void> {
    try {
      await this.transactions.run((manager) => manager.insert(WalletRecord, toWalletRecord(wallet)));
    } catch (error) {
      if (isUniqueViolation(error)) throw new PersonalWalletExistsError();
      throw error;
    }
  }

  async createGroup(wallet: Wallet, admin: Participant): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (!wallet.channelId || !(await this.channels.holdOpen(wallet.channelId))) throw new WalletChannelNotFoundError();
      await manager.insert(WalletRecord, toWalletRecord(wallet));
      await manager.insert(WalletParticipantRecord, admin);
    });
  }

  async findById(walletId: string): Promise<Wallet | undefined> {
    const record = await this.dataSource.manager.findOneBy(WalletRecord, { id: walletId, closedAt: IsNull() });
    return record ? toWallet(record) : undefined;
  }

  async findPersonal(ownerId: string): Promise<Wallet | undefined> {
    const record = await this.dataSource.manager.findOneBy(WalletRecord, { ownerId, kind: 'PERSONAL', closedAt: IsNull() });
    return record ? toWallet(record) : undefined;
  }

  async listOfChannel(channelId: string): Promise<Wallet[]> {
    const records = await this.dataSource.manager.find(WalletRecord, { where: { channelId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return records.map(toWallet);
  }

  async findParticipant(walletId: string, userId: string): Promise<Participant | undefined> {
    const record = await this.dataSource.manager.findOneBy(WalletParticipantRecord, { walletId, userId });
    return record ? toParticipant(record) : undefined;
  }

  async listParticipants(walletId: string): Promise<Participant[]> {
    const records = await this.dataSource.manager.find(WalletParticipantRecord, { where: { walletId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
    return records.map(toParticipant);
  }

  async addParticipant(participant: Participant): Promise<{ participant: Participant; added: boolean }> {
    try {
      await this.transactions.run(async (manager) => {
        const wallet = await manager.findOneBy(WalletRecord, { id: participant.walletId });
        if (!wallet?.channelId || !(await this.channels.holdOpen(wallet.channelId))) throw new WalletNotFoundError();
        await manager.insert(WalletParticipantRecord, participant);
      });
      return { participant, added: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.dataSource.manager.findOneByOrFail(WalletParticipantRecord, { walletId: participant.walletId, userId: participant.userId });
      return { participant: toParticipant(existing), added: false };
    }
  }

  async pageEntries(walletId: string, beforeSeq: number | undefined, limit: number): Promise<PositionedEntry[]> {
    const records = await this.dataSource.manager.find(LedgerEntryRecord, {
      where: beforeSeq === undefined ? { walletId } : { walletId, seq: LessThan(beforeSeq) },
      order: { seq: 'DESC' },
      take: limit,
    });
    return records.map(toEntry);
  }

  async isAdminOfFundedWallet(userId: string): Promise<boolean> {
    return this.dataSource.manager
      .createQueryBuilder(WalletParticipantRecord, 'p')
      .innerJoin(WalletRecord, 'w', 'w.id = p.wallet_id')
      .where('p.user_id = :userId AND p.role = :role AND w.balance > 0', { userId, role: 'ADMIN' })
      .getExists();
  }

  async closeOwnedBy(userId: string, at: Date): Promise<'CLOSED' | 'HOLDS_MONEY'> {
    return this.transactions.run(async (manager) => {
      // FOR UPDATE: a deposit that got the row first has committed (its money is seen), one after finds it gone.
      const wallet = await manager.findOne(WalletRecord, { where: { ownerId: userId, kind: 'PERSONAL', closedAt: IsNull() }, lock: forUpdate(manager) });
      if (wallet && wallet.balance > 0) return 'HOLDS_MONEY';
      // Entries keep their wallet (a foreign key, and the audit sums them): a wallet with history is closed, not deleted.
      if (wallet && wallet.lastEntrySeq > 0) await manager.update(WalletRecord, { id: wallet.id }, { closedAt: at });
      else if (wallet) await manager.delete(WalletRecord, { id: wallet.id });
      await manager.delete(WalletParticipantRecord, { userId });
      return 'CLOSED';
    });
  }

  async handOverAdmin(channelId: string, leaverId: string, heirId: string, at: Date): Promise<string[]> {
    return this.transactions.run(async (manager) => {
      // The wallet rows are locked (ascending id, as money moves do), so a spend checks the role as of before or after.
      const locked = await manager.find(WalletRecord, { where: { channelId }, order: { id: 'ASC' }, lock: forUpdate(manager) });
      const walletIds = locked.map((wallet) => wallet.id);
      if (walletIds.length === 0) return [];
      const leaving = await manager.findBy(WalletParticipantRecord, { walletId: In(walletIds), userId: leaverId });
      const handedOver = leaving.filter((participant) => participant.role === 'ADMIN').map((participant) => participant.walletId);
      await manager.delete(WalletParticipantRecord, { walletId: In(walletIds), userId: leaverId });
      for (const walletId of handedOver) {
        const heir = await manager.findOneBy(WalletParticipantRecord, { walletId, userId: heirId });
        if (heir) await manager.update(WalletParticipantRecord, { walletId, userId: heirId }, { role: 'ADMIN' });
        else await manager.insert(WalletParticipantRecord, { walletId, userId: heirId, role: 'ADMIN', joinedAt: at });
      }
      return handedOver;
    });
  }
}
