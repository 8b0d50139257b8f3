import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { WalletWithMove } from './wallet-move';
import { entryFor, lockedOf } from './entry-drafts';
import { MoveReceipt } from './ports/idempotency-store.port';
import { WalletLedger } from './ports/wallet-ledger.port';
import { assertMayDeposit, WalletAccess } from './wallet-access';

export interface DepositCommand {
  readonly actorId: string;
  readonly walletId: string;
  readonly amount: number;
}

export class DepositMoney {
  constructor(
    private readonly access: WalletAccess,
    private readonly ledger: WalletLedger,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Money in from outside: the owner of a personal wallet, any participant of a group wallet. */
  async execute(command: DepositCommand, receipt?: MoveReceipt<WalletWithMove>): Promise<WalletWithMove> {
    const amount = Money.amount(command.amount);
    const seen = await this.access.existing(command.walletId, command.actorId);
    assertMayDeposit({ wallet: seen.wallet, actorRole: seen.role }, command.actorId);
    const at = this.clock.now();
    return this.ledger.move(
      [command.walletId],
      command.actorId,
      (locked) => {
        const wallet = lockedOf(locked, command.walletId);
        assertMayDeposit(wallet, command.actorId);
        const entry = entryFor(wallet, 'DEPOSIT', amount, { actorId: command.actorId, at, transferId: null, ids: this.ids });
        return { entries: [entry], result: { wallet: { ...wallet.wallet, balance: entry.balanceAfter }, entry } };
      },
      receipt,
    );
  }
}
