import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { WalletWithMove } from './wallet-move';
import { entryFor, lockedOf } from './entry-drafts';
import { MoveReceipt } from './ports/idempotency-store.port';
import { WalletLedger } from './ports/wallet-ledger.port';
import { assertMaySpend, WalletAccess } from './wallet-access';

export interface WithdrawCommand {
  readonly actorId: string;
  readonly walletId: string;
  readonly amount: number;
  readonly password: string;
}

export class WithdrawMoney {
  constructor(
    private readonly access: WalletAccess,
    private readonly ledger: WalletLedger,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Money out to outside: the owner of a personal wallet, the ADMIN of a group wallet; 409 beyond the balance. */
  async execute(command: WithdrawCommand, receipt?: MoveReceipt<WalletWithMove>): Promise<WalletWithMove> {
    const amount = Money.amount(command.amount);
    await this.access.spendable(command.walletId, command.actorId, command.password);
    const at = this.clock.now();
    return this.ledger.move(
      [command.walletId],
      command.actorId,
      (locked) => {
        const wallet = lockedOf(locked, command.walletId);
        assertMaySpend(wallet, command.actorId);
        const entry = entryFor(wallet, 'WITHDRAWAL', amount, { actorId: command.actorId, at, transferId: null, ids: this.ids });
        return { entries: [entry], result: { wallet: { ...wallet.wallet, balance: entry.balanceAfter }, entry } };
      },
      receipt,
    );
  }
}
