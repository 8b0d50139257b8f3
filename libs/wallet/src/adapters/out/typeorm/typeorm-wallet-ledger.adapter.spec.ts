import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { SqlTransactions } from '@webchat/platform';
import { walletLedgerContract, WalletPorts } from '../../../application/ports/wallet-ledger.contract';
import { TypeormIdempotencyStore } from './typeorm-idempotency-store.adapter';
import { TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './typeorm-wallet-store.adapter';
import { walletPersistence } from './wallet-persistence';

const build = (dataSource: DataSource, transactions: SqlTransactions): WalletPorts => ({
  wallets: new TypeormWalletStore(dataSource, transactions),
  ledger: new TypeormWalletLedger(transactions),
  idempotency: new TypeormIdempotencyStore(dataSource, transactions),
});

describe('Typeorm wallet ports [sqlite]', () => walletLedgerContract(typeormStoreFixture('sqlite', [walletPersistence], build)));
describeOnMysql('Typeorm wallet ports', () => walletLedgerContract(typeormStoreFixture('mysql', [walletPersistence], build)));
