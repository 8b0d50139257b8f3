import { WalletAuditReader } from './ports/wallet-audit.port';

export interface AuditReport {
  readonly ok: boolean;
  readonly walletCount: number;
  readonly sumOfBalances: number;
  readonly deposits: number;
  readonly withdrawals: number;
  readonly problems: readonly string[];
}

/** Checks that money is conserved (DESIGN §1): the ledger, the balances and the totals agree. */
export class AuditWallets {
  constructor(private readonly reader: WalletAuditReader) {}

  async execute(): Promise<AuditReport> {
    const facts = await this.reader.read();
    const problems: string[] = [];
    let sumOfBalances = 0;
    for (const wallet of facts.wallets) {
      sumOfBalances += wallet.balance;
      if (wallet.balance < 0) problems.push(`wallet ${wallet.walletId}: negative balance ${wallet.balance}`);
      if (wallet.lowestBalanceAfter !== null && wallet.lowestBalanceAfter < 0) {
        problems.push(`wallet ${wallet.walletId}: an entry left the balance at ${wallet.lowestBalanceAfter}`);
      }
      if (wallet.balance !== wallet.ledgerSum) {
        problems.push(`wallet ${wallet.walletId}: balance ${wallet.balance} but its entries sum to ${wallet.ledgerSum}`);
      }
      if (wallet.balance !== (wallet.lastBalanceAfter ?? 0)) {
        problems.push(`wallet ${wallet.walletId}: balance ${wallet.balance} but its last entry says ${wallet.lastBalanceAfter}`);
      }
    }
    if (sumOfBalances !== facts.deposits - facts.withdrawals) {
      problems.push(`sum of balances ${sumOfBalances} but deposits ${facts.deposits} minus withdrawals ${facts.withdrawals} is ${facts.deposits - facts.withdrawals}`);
    }
    for (const transferId of facts.unpairedTransferIds) problems.push(`transfer ${transferId}: not exactly one TRANSFER_OUT and one TRANSFER_IN entry`);
    return { ok: problems.length === 0, walletCount: facts.wallets.length, sumOfBalances, deposits: facts.deposits, withdrawals: facts.withdrawals, problems };
  }
}

/** The report as the audit command prints it. */
export function formatAuditReport(report: AuditReport): string {
  const summary = `${report.walletCount} wallet(s), balances ${report.sumOfBalances}, deposits ${report.deposits}, withdrawals ${report.withdrawals}`;
  if (report.ok) return `wallet audit OK: ${summary}\n`;
  return `wallet audit FAILED (${report.problems.length} problem(s)): ${summary}\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}\n`;
}
