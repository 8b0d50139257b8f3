import { Module } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { Clock, IdGenerator, PasswordHasher, provideUseCase, SqlTransactions } from '@webchat/platform';
import { ChannelMembershipListener } from './adapters/in/events/channel-membership.listener';
import { ChannelWalletsController } from './adapters/in/http/channel-wallets.controller';
import { IdempotentAnswers } from './adapters/in/http/idempotent-answers';
import { TransfersController } from './adapters/in/http/transfers.controller';
import { WalletsController } from './adapters/in/http/wallets.controller';
import { ChannelLibraryDirectory } from './adapters/out/channel/channel-library-directory.adapter';
import { GroupWalletFunds } from './adapters/out/typeorm/group-wallet-funds.adapter';
import { TypeormWalletAudit } from './adapters/out/typeorm/typeorm-wallet-audit.adapter';
import { TypeormIdempotencyStore } from './adapters/out/typeorm/typeorm-idempotency-store.adapter';
import { TypeormWalletLedger } from './adapters/out/typeorm/typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './adapters/out/typeorm/typeorm-wallet-store.adapter';
import { AuditWallets } from './application/audit-wallets.use-case';
import { CreateGroupWallet } from './application/create-group-wallet.use-case';
import { DepositMoney } from './application/deposit-money.use-case';
import { GetMyWallet } from './application/get-my-wallet.use-case';
import { HandOverAdmin } from './application/hand-over-admin.use-case';
import { JoinGroupWallet } from './application/join-group-wallet.use-case';
import { ListChannelWallets } from './application/list-channel-wallets.use-case';
import { ListEntries } from './application/list-entries.use-case';
import { ListParticipants } from './application/list-participants.use-case';
import { OpenPersonalWallet } from './application/open-personal-wallet.use-case';
import { IdempotencyStore } from './application/ports/idempotency-store.port';
import { WalletAuditReader } from './application/ports/wallet-audit.port';
import { WalletChannels } from './application/ports/wallet-channels.port';
import { WalletLedger } from './application/ports/wallet-ledger.port';
import { WalletStore } from './application/ports/wallet-store.port';
import { TransferMoney } from './application/transfer-money.use-case';
import { WalletAccess } from './application/wallet-access';
import { WithdrawMoney } from './application/withdraw-money.use-case';

/** Personal and group wallets, the ledger, transfers under row locks, idempotent money moves. */
@Module({
  // The same instance as the app's: group wallets answer the channel library's "does it hold money".
  imports: [ChannelModule.withFunds(GroupWalletFunds)],
  controllers: [WalletsController, TransfersController, ChannelWalletsController],
  providers: [
    { provide: WalletStore, useClass: TypeormWalletStore },
    { provide: WalletLedger, useFactory: (transactions: SqlTransactions) => new TypeormWalletLedger(transactions), inject: [SqlTransactions] },
    { provide: IdempotencyStore, useClass: TypeormIdempotencyStore },
    { provide: WalletChannels, useClass: ChannelLibraryDirectory },
    IdempotentAnswers,
    ChannelMembershipListener,
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
    provideUseCase(HandOverAdmin, [WalletStore, WalletChannels, Clock]),
    { provide: WalletAuditReader, useClass: TypeormWalletAudit },
    provideUseCase(AuditWallets, [WalletAuditReader]),
  ],
  exports: [AuditWallets],
})
export class WalletModule {}
