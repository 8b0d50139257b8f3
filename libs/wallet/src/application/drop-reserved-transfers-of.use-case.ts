import { ReservedTransferStore } from './ports/reserved-transfer-store.port';

/**
 * A deleted account's reserved transfers go, first of its wallet steps: their rows are taken
 * before any channel or wallet, the order a scheduled run takes them in (so the two never deadlock).
 */
export class DropReservedTransfersOf {
  constructor(private readonly reserved: ReservedTransferStore) {}

  async execute(userId: string): Promise<void> {
    await this.reserved.deleteBookedBy(userId);
  }
}
