import type { PersistenceFeature } from '@webchat/platform';
import { IdempotencyRecord } from './idempotency-record.record';
import { LedgerEntryRecord } from './ledger-entry.record';
import { CreateWallets1795437900000 } from './migrations/1795437900000-create-wallets';
import { ClosedWallets1795600000000 } from './migrations/1795600000000-closed-wallets';
import { ReservedTransferRecord } from './reserved-transfer.record';
import { TransferRecord } from './transfer.record';
import { WalletParticipantRecord } from './wallet-participant.record';
import { WalletRecord } from './wallet.record';

/** The wallet library's tables, for the shared data source. */
export const walletPersistence: PersistenceFeature = {
  entities: [WalletRecord, WalletParticipantRecord, LedgerEntryRecord, TransferRecord, IdempotencyRecord, ReservedTransferRecord],
  migrations: [CreateWallets1795437900000, ClosedWallets1795600000000],
};
