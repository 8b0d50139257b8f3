import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { Transfer } from '../domain/transfer';
import { SameWalletError } from '../domain/wallet.errors';
import { MoveReceipt } from './ports/idempotency-store.port';
import { WalletLedger } from './ports/wallet-ledger.port';
import { planTransfer } from './transfer-plan';
import { WalletAccess } from './wallet-access';

export interface TransferCommand {
  readonly actorId: string;
  readonly fromWalletId: string;
  readonly toWalletId: string;
  readonly amount: number;
  readonly password: string;
}

export class TransferMoney {
  constructor(
    private readonly access: WalletAccess,
    private readonly ledger: WalletLedger,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /**
   * 400 same wallet, 404 unknown wallet, 403 not allowed or wrong password (of the wallet money
   * leaves), 409 insufficient funds. The password is checked before the rows are locked, so
   * the slow hash never holds a lock; permission and funds are checked again under the lock.
   */
  async execute(command: TransferCommand, receipt?: MoveReceipt<Transfer>): Promise<Transfer> {
    if (command.fromWalletId === command.toWalletId) throw new SameWalletError();
    const amount = Money.amount(command.amount);
    await Promise.all([
      this.access.existing(command.fromWalletId, command.actorId),
      this.access.existing(command.toWalletId, command.actorId),
    ]);
    await this.access.spendable(command.fromWalletId, command.actorId, command.password);
    const at = this.clock.now();
    const spec = { actorId: command.actorId, fromWalletId: command.fromWalletId, toWalletId: command.toWalletId, amount, at };
    return this.ledger.move([command.fromWalletId, command.toWalletId], command.actorId, planTransfer(spec, this.ids), receipt);
  }
}
