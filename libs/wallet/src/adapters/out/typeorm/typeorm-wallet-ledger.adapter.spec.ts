import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { SqlTransactions } from '@webchat/platform';
import { StandInChannels } from '../../../application/ports/wallet-channels.stand-in';
import { walletLedgerContract, WalletPorts } from '../../../application/ports/wallet-ledger.contract';
import { TypeormIdempotencyStore } from './typeorm-idempotency-store.adapter';
import { TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './typeorm-wallet-store.adapter';
import { walletPersistence } from './wallet-persistence';

const build = (dataSource: DataSource, transactions: SqlTransactions): WalletPorts => {
  const channels = new StandInChannels();
  return {
    wallets: new TypeormWalletStore(dataSource, transactions, channels),
    ledger: new TypeormWalletLedger(transactions, channels),
    idempotency: new TypeormIdempotencyStore(dataSource, transactions),
    channels,
  };
};

describe('Typeorm wallet ports [sqlite]', () => walletLedgerContract(typeormStoreFixture('sqlite', [walletPersistence], build)));
describeOnMysql('Typeorm wallet ports', () => walletLedgerContract(typeormStoreFixture('mysql', [walletPersistence], build)));
