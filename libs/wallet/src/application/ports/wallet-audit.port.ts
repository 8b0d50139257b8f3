/** One wallet as the ledger and the balance column tell it. */
export interface WalletFacts {
  readonly walletId: string;
  readonly balance: number;
  /** Sum of DEPOSIT and TRANSFER_IN amounts minus WITHDRAWAL and TRANSFER_OUT amounts. */
  readonly ledgerSum: number;
  /** balanceAfter of the wallet's newest entry; null when it has none. */
  readonly lastBalanceAfter: number | null;
  readonly lowestBalanceAfter: number | null;
}

export interface AuditFacts {
  readonly wallets: readonly WalletFacts[];
  readonly deposits: number;
  readonly withdrawals: number;
  /** Transfers that have not exactly one TRANSFER_OUT and one TRANSFER_IN entry, and entries naming no transfer. */
  readonly unpairedTransferIds: readonly string[];
}

/** Reads what the audit checks, in one consistent snapshot where the store offers one. */
export abstract class WalletAuditReader {
  abstract read(): Promise<AuditFacts>;
}
