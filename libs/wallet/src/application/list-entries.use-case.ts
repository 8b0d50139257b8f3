import { PositionedEntry, WalletStore } from './ports/wallet-store.port';
import { WalletAccess } from './wallet-access';

export interface EntryPage {
  readonly items: PositionedEntry[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  readonly nextCursor?: number;
}

export class ListEntries {
  constructor(
    private readonly access: WalletAccess,
    private readonly wallets: WalletStore,
  ) {}

  /** Newest first; 404 for wallets the user neither owns nor takes part in. */
  async execute(userId: string, walletId: string, cursor: number | undefined, limit: number): Promise<EntryPage> {
    await this.access.used(walletId, userId);
    const page = await this.wallets.pageEntries(walletId, cursor, limit + 1);
    const items = page.slice(0, limit);
    return page.length > limit ? { items, nextCursor: items[items.length - 1].seq } : { items };
  }
}
