/** Money moved from one wallet to another; its two ledger entries carry its id. */
export interface Transfer {
  readonly id: string;
  readonly fromWalletId: string;
  readonly toWalletId: string;
  readonly amount: number;
  readonly actorId: string;
  readonly createdAt: Date;
}
