import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule, channelPersistence } from '@webchat/channel';
import { AppConfig, PlatformModule, rateLimitPersistence } from '@webchat/platform';
import { ContactModule, contactPersistence } from '@webchat/contact';
import { UserModule, userPersistence } from '@webchat/user';
import { GroupWalletFunds, WalletModule, walletPersistence } from '@webchat/wallet';

/** Every persistence feature the server's data source carries. */
export const PERSISTENCE_FEATURES = [rateLimitPersistence, userPersistence, channelPersistence, contactPersistence, walletPersistence];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, PERSISTENCE_FEATURES),
        UserModule,
        // The last member may not leave a channel whose group wallet holds money (the wallet module imports this same one).
        ChannelModule.withFunds(GroupWalletFunds),
        ContactModule,
        WalletModule,
      ],
    };
  }
}
