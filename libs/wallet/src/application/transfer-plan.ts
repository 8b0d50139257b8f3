import { IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { Transfer } from '../domain/transfer';
import { entryFor, lockedOf } from './entry-drafts';
import { MoneyMovePlan, PlanMove } from './ports/wallet-ledger.port';
import { assertMaySpend } from './wallet-access';

export interface TransferSpec {
  readonly actorId: string;
  readonly fromWalletId: string;
  readonly toWalletId: string;
  readonly amount: Money;
  readonly at: Date;
}

/** The move of a transfer, checked under the row locks: the actor may still spend from the source, which holds enough. */
export function planTransfer(spec: TransferSpec, ids: IdGenerator): PlanMove<Transfer> {
  return (locked): MoneyMovePlan<Transfer> => {
    const from = lockedOf(locked, spec.fromWalletId);
    assertMaySpend(from, spec.actorId);
    const transfer: Transfer = {
      id: ids.next(),
      fromWalletId: spec.fromWalletId,
      toWalletId: spec.toWalletId,
      amount: spec.amount.won,
      actorId: spec.actorId,
      createdAt: spec.at,
    };
    const move = { actorId: spec.actorId, at: spec.at, transferId: transfer.id, ids };
    const entries = [entryFor(from, 'TRANSFER_OUT', spec.amount, move), entryFor(lockedOf(locked, spec.toWalletId), 'TRANSFER_IN', spec.amount, move)];
    return { entries, transfer, result: transfer };
  };
}
