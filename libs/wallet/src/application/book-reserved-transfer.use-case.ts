import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { RepeatRule, ReservedTransfer } from '../domain/reserved-transfer';
import { ReservedTransferRuleError, SameWalletError } from '../domain/wallet.errors';
import { ReservedTransferStore } from './ports/reserved-transfer-store.port';
import { WalletAccess } from './wallet-access';

export interface BookReservedTransferCommand {
  readonly actorId: string;
  readonly fromWalletId: string;
  readonly toWalletId: string;
  readonly amount: number;
  readonly password: string;
  readonly executeAt: Date;
  readonly repeat: RepeatRule;
}

export class BookReservedTransfer {
  constructor(
    private readonly access: WalletAccess,
    private readonly reserved: ReservedTransferStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Checks the wallets, the permission and the password now (not the funds: those at each run). */
  async execute(command: BookReservedTransferCommand): Promise<ReservedTransfer> {
    if (command.fromWalletId === command.toWalletId) throw new SameWalletError();
    const amount = Money.amount(command.amount);
    const now = this.clock.now();
    if (command.executeAt.getTime() <= now.getTime()) throw new ReservedTransferRuleError('executeAt must be in the future');
    await Promise.all([this.access.existing(command.fromWalletId, command.actorId), this.access.existing(command.toWalletId, command.actorId)]);
    await this.access.spendable(command.fromWalletId, command.actorId, command.password);
    const booked: ReservedTransfer = {
      id: this.ids.next(),
      bookedById: command.actorId,
      fromWalletId: command.fromWalletId,
      toWalletId: command.toWalletId,
      amount: amount.won,
      repeat: command.repeat,
      anchorDay: command.executeAt.getUTCDate(),
      executeAt: command.executeAt,
      status: 'SCHEDULED',
      failureReason: null,
      lastRunAt: null,
      lastResult: null,
      createdAt: now,
    };
    await this.reserved.book(booked);
    return booked;
  }
}
