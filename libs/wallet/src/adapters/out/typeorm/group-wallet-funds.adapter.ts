import { Injectable } from '@nestjs/common';
import { ChannelFunds } from '@webchat/channel';
import { forUpdate, SqlTransactions } from '@webchat/platform';
import { MoreThan } from 'typeorm';
import { HandOverAdmin } from '../../../application/hand-over-admin.use-case';
import { WalletRecord } from './wallet.record';

/**
 * The channel library's question, answered from the wallets table: does a group wallet of the
 * channel hold money? Asked inside the leave's transaction, under the channel's lock; the wallet
 * rows are read FOR UPDATE there (channel, then wallets: the order money moves take them in),
 * so the answer is the latest committed one and holds until the channel's delete commits.
 */
@Injectable()
export class GroupWalletFunds extends ChannelFunds {
  constructor(
    private readonly transactions: SqlTransactions,
    private readonly handOverAdmin: HandOverAdmin,
  ) {
    super();
  }

  async holdsMoney(channelId: string): Promise<boolean> {
    const manager = this.transactions.current();
    const holding = await manager.findOne(WalletRecord, { select: { id: true }, where: { channelId, balance: MoreThan(0) }, lock: forUpdate(manager) });
    return holding !== null;
  }

  /** The wallet store's transaction joins the leave's (a SqlTransactions.run inside a run), so both commit or neither. */
  async memberLeft(channelId: string, leaverId: string, ownerId: string): Promise<void> {
    await this.handOverAdmin.execute(channelId, leaverId, ownerId);
  }
}
