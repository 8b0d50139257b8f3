import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule, channelPersistence } from '@webchat/channel';
import { AppConfig, PlatformModule, rateLimitPersistence } from '@webchat/platform';
import { ChatRealtimeModule, chatPersistence, MessageStoreModule } from '@webchat/chat';
import { ContactModule, contactPersistence } from '@webchat/contact';
import { UserModule, userPersistence } from '@webchat/user';

/** Every persistence feature the server's data source carries. */
export const PERSISTENCE_FEATURES = [rateLimitPersistence, userPersistence, channelPersistence, contactPersistence, chatPersistence];

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
        MessageStoreModule.forRoot(config),
        ChatRealtimeModule.forRoot(config),
      ],
    };
  }
}
