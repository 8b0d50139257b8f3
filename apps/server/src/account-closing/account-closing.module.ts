import { Global, Module } from '@nestjs/common';
import { ChannelModule, LeaveAllChannels } from '@webchat/channel';
import { ContactModule, ForgetContactsOf } from '@webchat/contact';
import { ForgetPushOf } from '@webchat/push';
import { AccountClosing } from '@webchat/user';
import { CloseAccountWallets, DropReservedTransfersOf, RefuseFundedAdminship, WalletModule } from '@webchat/wallet';
import { LibrariesAccountClosing } from './libraries-account-closing';

/**
 * Answers the user library's AccountClosing port with the other libraries' steps. Composed here,
 * in the app, because the user library sits beneath them all and may import none of them.
 * Global so the user module's optional lookup of the port finds it.
 */
@Global()
@Module({
  imports: [ChannelModule, ContactModule, WalletModule],
  providers: [
    {
      provide: AccountClosing,
      useFactory: (...steps: ConstructorParameters<typeof LibrariesAccountClosing>) => new LibrariesAccountClosing(...steps),
      inject: [DropReservedTransfersOf, RefuseFundedAdminship, LeaveAllChannels, ForgetContactsOf, CloseAccountWallets, ForgetPushOf],
    },
  ],
  exports: [AccountClosing],
})
export class AccountClosingModule {}
