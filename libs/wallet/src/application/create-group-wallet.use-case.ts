import { Clock, IdGenerator, PasswordHasher } from '@webchat/platform/kernel';
import { Wallet } from '../domain/wallet';
import { WalletChannelNotFoundError } from '../domain/wallet.errors';
import { WalletChannels } from './ports/wallet-channels.port';
import { WalletStore } from './ports/wallet-store.port';

export interface CreateGroupWalletCommand {
  readonly actorId: string;
  readonly channelId: string;
  readonly name: string;
  readonly description?: string;
  readonly password: string;
}

export class CreateGroupWallet {
  constructor(
    private readonly wallets: WalletStore,
    private readonly channels: WalletChannels,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** A channel member creates it and becomes its ADMIN. */
  async execute(command: CreateGroupWalletCommand): Promise<Wallet> {
    if (!(await this.channels.roleOf(command.channelId, command.actorId))) throw new WalletChannelNotFoundError();
    const now = this.clock.now();
    const wallet: Wallet = {
      id: this.ids.next(),
      kind: 'GROUP',
      ownerId: null,
      channelId: command.channelId,
      name: command.name,
      description: command.description ?? null,
      passwordHash: await this.hasher.hash(command.password),
      balance: 0,
      createdAt: now,
    };
    await this.wallets.createGroup(wallet, { walletId: wallet.id, userId: command.actorId, role: 'ADMIN', joinedAt: now });
    return wallet;
  }
}
