import { ChannelRole, WalletChannels } from './wallet-channels.port';

/**
 * The channel library as the wallet adapters' own specs need it: every channel is open until
 * `delete` says otherwise. The real one (shared locks on the channel row) has its own contract
 * in the channel library, and the whole race runs end to end in test/wallet-leave-race.e2e-spec.ts.
 */
export class StandInChannels extends WalletChannels {
  private readonly deleted = new Set<string>();

  delete(channelId: string): void {
    this.deleted.add(channelId);
  }

  roleOf(): Promise<ChannelRole | undefined> {
    return Promise.resolve(undefined);
  }

  ownerOf(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  holdOpen(channelId: string): Promise<boolean> {
    return Promise.resolve(!this.deleted.has(channelId));
  }
}
