import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule, channelPersistence } from '@webchat/channel';
import { AppConfig, PlatformModule, rateLimitPersistence } from '@webchat/platform';
import { ChatModule, chatPersistence, ChatRealtimeModule } from '@webchat/chat';
import { ContactModule, contactPersistence } from '@webchat/contact';
import { PushModule, pushPersistence } from '@webchat/push';
import { UserModule, userPersistence } from '@webchat/user';
import { WalletModule, walletPersistence } from '@webchat/wallet';
import { AccountClosingModule } from './account-closing/account-closing.module';
import { WebClientModule } from './web-client/web-client.module';

/** Every persistence feature the server's data source carries (chat's tables only on MySQL; on SQLite messages have their own file). */
export const PERSISTENCE_FEATURES = [rateLimitPersistence, userPersistence, channelPersistence, contactPersistence, chatPersistence, walletPersistence, pushPersistence];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, PERSISTENCE_FEATURES),
        UserModule,
        ChannelModule,
        ContactModule,
        ChatModule.forRoot(config),
        ChatRealtimeModule.forRoot(config),
        WalletModule,
        PushModule.forRoot(config),
        AccountClosingModule,
        WebClientModule.forRoot(config.webDir),
      ],
    };
  }
}
