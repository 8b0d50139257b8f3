import { ReservedTransfer } from '../domain/reserved-transfer';
import { ReservedTransferStore } from './ports/reserved-transfer-store.port';

export class ListReservedTransfers {
  constructor(private readonly reserved: ReservedTransferStore) {}

  /** The ones I booked, newest first, whatever their status. */
  execute(userId: string): Promise<ReservedTransfer[]> {
    return this.reserved.listBookedBy(userId);
  }
}
