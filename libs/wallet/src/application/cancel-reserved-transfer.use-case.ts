import { ReservedTransferNotCancellableError, ReservedTransferNotFoundError } from '../domain/wallet.errors';
import { ReservedTransferStore } from './ports/reserved-transfer-store.port';

export class CancelReservedTransfer {
  constructor(private readonly reserved: ReservedTransferStore) {}

  /** Mine and SCHEDULED only: 404 for others' and unknown ids, 409 once it ran, failed or was cancelled. */
  async execute(userId: string, reservedId: string): Promise<void> {
    const outcome = await this.reserved.cancel(reservedId, userId);
    if (outcome === 'NOT_FOUND') throw new ReservedTransferNotFoundError();
    if (outcome === 'NOT_SCHEDULED') throw new ReservedTransferNotCancellableError();
  }
}
