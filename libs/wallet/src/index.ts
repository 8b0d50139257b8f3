// The wallet library's public face.
export { WalletModule } from './wallet.module';
export { walletPersistence } from './adapters/out/typeorm/wallet-persistence';
export { AuditWallets, formatAuditReport } from './application/audit-wallets.use-case';
export type { AuditReport } from './application/audit-wallets.use-case';
export { TypeormWalletAudit } from './adapters/out/typeorm/typeorm-wallet-audit.adapter';
export { RunDueReservedTransfers } from './application/run-due-reserved-transfers.use-case';
export type { DueRunSummary } from './application/run-due-reserved-transfers.use-case';
export { DropReservedTransfersOf } from './application/drop-reserved-transfers-of.use-case';
export { RefuseFundedAdminship } from './application/refuse-funded-adminship.use-case';
export { CloseAccountWallets } from './application/close-account-wallets.use-case';
