import { Injectable } from '@nestjs/common';
import { ChannelFunds } from '@webchat/channel';
import { DataSource, MoreThan } from 'typeorm';
import { WalletRecord } from './wallet.record';

/** The channel library's question, answered from the wallets table: does a group wallet of the channel hold money? */
@Injectable()
export class GroupWalletFunds extends ChannelFunds {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  holdsMoney(channelId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(WalletRecord, { channelId, balance: MoreThan(0) });
  }
}
