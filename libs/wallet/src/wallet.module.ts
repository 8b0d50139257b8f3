import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ChannelFunds, ChannelModule } from '@webchat/channel';
import { Clock, IdGenerator, PasswordHasher, provideUseCase, SqlTransactions } from '@webchat/platform';
import { ChannelWalletsController } from './adapters/in/http/channel-wallets.controller';
import { IdempotentAnswers } from './adapters/in/http/idempotent-answers';
import { ReservedTransfersController } from './adapters/in/http/reserved-transfers.controller';
import { IdempotencyPurgeScheduler } from './adapters/in/schedule/idempotency-purge.scheduler';
import { ReservedTransferScheduler } from './adapters/in/schedule/reserved-transfer.scheduler';
import { TransfersController } from './adapters/in/http/transfers.controller';
import { WalletsController } from './adapters/in/http/wallets.controller';
import { WALLET_METRIC_PROVIDERS, WalletMetrics } from './adapters/out/metrics/wallet-metrics';
import { ChannelLibraryDirectory } from './adapters/out/channel/channel-library-directory.adapter';
import { GroupWalletFunds } from './adapters/out/typeorm/group-wallet-funds.adapter';
import { TypeormReservedTransferStore } from './adapters/out/typeorm/typeorm-reserved-transfer-store.adapter';
import { TypeormWalletAudit } from './adapters/out/typeorm/typeorm-wallet-audit.adapter';
import { TypeormIdempotencyStore } from './adapters/out/typeorm/typeorm-idempotency-store.adapter';
import { TypeormWalletLedger } from './adapters/out/typeorm/typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './adapters/out/typeorm/typeorm-wallet-store.adapter';
import { AuditWallets } from './application/audit-wallets.use-case';
import { BookReservedTransfer } from './application/book-reserved-transfer.use-case';
import { CloseAccountWallets } from './application/close-account-wallets.use-case';
import { DropReservedTransfersOf } from './application/drop-reserved-transfers-of.use-case';
import { RefuseFundedAdminship } from './application/refuse-funded-adminship.use-case';
import { CancelReservedTransfer } from './application/cancel-reserved-transfer.use-case';
import { CreateGroupWallet } from './application/create-group-wallet.use-case';
import { DepositMoney } from './application/deposit-money.use-case';
import { GetMyWallet } from './application/get-my-wallet.use-case';
import { HandOverAdmin } from './application/hand-over-admin.use-case';
import { JoinGroupWallet } from './application/join-group-wallet.use-case';
import { ListChannelWallets } from './application/list-channel-wallets.use-case';
import { ListEntries } from './application/list-entries.use-case';
import { ListParticipants } from './application/list-participants.use-case';
import { ListReservedTransfers } from './application/list-reserved-transfers.use-case';
import { OpenPersonalWallet } from './application/open-personal-wallet.use-case';
import { PurgeIdempotencyRecords } from './application/purge-idempotency-records.use-case';
import { IdempotencyStore } from './application/ports/idempotency-store.port';
import { ReservedTransferStore } from './application/ports/reserved-transfer-store.port';
import { WalletAuditReader } from './application/ports/wallet-audit.port';
import { WalletChannels } from './application/ports/wallet-channels.port';
import { WalletLedger } from './application/ports/wallet-ledger.port';
import { WalletStore } from './application/ports/wallet-store.port';
import { RunDueReservedTransfers } from './application/run-due-reserved-transfers.use-case';
import { TransferMoney } from './application/transfer-money.use-case';
import { WalletAccess } from './application/wallet-access';
import { WithdrawMoney } from './application/withdraw-money.use-case';

/**
 * Personal and group wallets, the ledger, transfers under row locks, idempotent money moves,
 * reserved transfers and their job. Global for one reason: it answers the channel library's
 * ChannelFunds port (the last member may not leave a channel whose group wallet holds money),
 * which the channel module looks up optionally; the channel library cannot import wallet.
 */
@Global()
@Module({
  imports: [ChannelModule, ScheduleModule.forRoot()],
  controllers: [WalletsController, TransfersController, ChannelWalletsController, ReservedTransfersController],
  providers: [
    ...WALLET_METRIC_PROVIDERS,
    WalletMetrics,
    { provide: WalletStore, useClass: TypeormWalletStore },
    {
      provide: TypeormWalletLedger,
      useFactory: (transactions: SqlTransactions, channels: WalletChannels, metrics: WalletMetrics) => new TypeormWalletLedger(transactions, channels, metrics),
      inject: [SqlTransactions, WalletChannels, WalletMetrics],
    },
    { provide: WalletLedger, useExisting: TypeormWalletLedger },
    { provide: ReservedTransferStore, useClass: TypeormReservedTransferStore },
    ReservedTransferScheduler,
    IdempotencyPurgeScheduler,
    { provide: IdempotencyStore, useClass: TypeormIdempotencyStore },
    { provide: WalletChannels, useClass: ChannelLibraryDirectory },
    IdempotentAnswers,
    provideUseCase(WalletAccess, [WalletStore, PasswordHasher]),
    provideUseCase(OpenPersonalWallet, [WalletStore, PasswordHasher, IdGenerator, Clock]),
    provideUseCase(GetMyWallet, [WalletStore]),
    provideUseCase(DepositMoney, [WalletAccess, WalletLedger, IdGenerator, Clock]),
    provideUseCase(WithdrawMoney, [WalletAccess, WalletLedger, IdGenerator, Clock]),
    provideUseCase(TransferMoney, [WalletAccess, WalletLedger, IdGenerator, Clock]),
    provideUseCase(ListEntries, [WalletAccess, WalletStore]),
    provideUseCase(CreateGroupWallet, [WalletStore, WalletChannels, PasswordHasher, IdGenerator, Clock]),
    provideUseCase(ListChannelWallets, [WalletStore, WalletChannels]),
    provideUseCase(JoinGroupWallet, [WalletStore, WalletChannels, Clock]),
    provideUseCase(ListParticipants, [WalletAccess, WalletStore]),
    provideUseCase(HandOverAdmin, [WalletStore, Clock]),
    provideUseCase(BookReservedTransfer, [WalletAccess, ReservedTransferStore, IdGenerator, Clock]),
    provideUseCase(ListReservedTransfers, [ReservedTransferStore]),
    provideUseCase(CancelReservedTransfer, [ReservedTransferStore]),
    provideUseCase(RunDueReservedTransfers, [ReservedTransferStore, IdGenerator, Clock]),
    provideUseCase(PurgeIdempotencyRecords, [IdempotencyStore, Clock]),
    { provide: WalletAuditReader, useClass: TypeormWalletAudit },
    provideUseCase(AuditWallets, [WalletAuditReader]),
    { provide: ChannelFunds, useClass: GroupWalletFunds },
    provideUseCase(DropReservedTransfersOf, [ReservedTransferStore]),
    provideUseCase(RefuseFundedAdminship, [WalletStore]),
    provideUseCase(CloseAccountWallets, [WalletStore, Clock]),
  ],
  // The last three for the app's account deletion, in the order it runs them.
  exports: [AuditWallets, RunDueReservedTransfers, ChannelFunds, DropReservedTransfersOf, RefuseFundedAdminship, CloseAccountWallets],
})
export class WalletModule {}
