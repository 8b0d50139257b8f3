import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { StoredMessageWatchers } from '@webchat/chat';
import { AppConfig, Clock, createLogger, Presence, provideUseCase } from '@webchat/platform';
import { PushDispatchLifecycle } from './adapters/in/chat/push-dispatch.lifecycle';
import { ChannelMuteController } from './adapters/in/http/channel-mute.controller';
import { PushController } from './adapters/in/http/push.controller';
import { LibraryPushChannels } from './adapters/out/channel/library-push-channels.adapter';
import { PrometheusPushMetrics } from './adapters/out/metrics/prometheus-push-metrics.adapter';
import { TypeormPushPreferenceStore } from './adapters/out/typeorm/typeorm-push-preference-store.adapter';
import { TypeormPushSubscriptionStore } from './adapters/out/typeorm/typeorm-push-subscription-store.adapter';
import { resolveVapidKeys } from './adapters/out/web-push/vapid-keys';
import { WebPushSender } from './adapters/out/web-push/web-push-sender.adapter';
import { ChangePushSettings } from './application/change-push-settings.use-case';
import { ForgetPushOf } from './application/forget-push-of.use-case';
import { MuteChannel } from './application/mute-channel.use-case';
import { NotifyOfflineMembers } from './application/notify-offline-members.use-case';
import { PushChannels } from './application/ports/push-channels.port';
import { PushMetrics } from './application/ports/push-metrics.port';
import { PushPreferenceStore } from './application/ports/push-preference-store.port';
import { PushSender } from './application/ports/push-sender.port';
import { PushSubscriptionStore } from './application/ports/push-subscription-store.port';
import { PushQueue } from './application/push-queue';
import { ReadPushSettings } from './application/read-push-settings.use-case';
import { ReadVapidPublicKey } from './application/read-vapid-public-key.use-case';
import { SendDueNotifications } from './application/send-due-notifications.use-case';
import { SubscribeToPush } from './application/subscribe-to-push.use-case';
import { UnmuteChannel } from './application/unmute-channel.use-case';
import { UnsubscribeFromPush } from './application/unsubscribe-from-push.use-case';

/** How long one push service may take to answer. */
const PUSH_SEND_TIMEOUT_MS = 10_000;

/**
 * Web Push (README, Push notifications): subscriptions, mutes and settings over HTTP on the
 * shared TypeORM store (SQLite or MySQL), and the notifications of members offline on every node,
 * decided from the chat pipeline's newly stored messages (ChatRealtimeModule's watchers).
 * Global for one reason: the app's account deletion (AccountClosingModule) finds ForgetPushOf.
 */
@Module({})
export class PushModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = createLogger(config);
    return {
      module: PushModule,
      global: true,
      imports: [ChannelModule],
      controllers: [PushController, ChannelMuteController],
      providers: [
        { provide: PushSubscriptionStore, useClass: TypeormPushSubscriptionStore },
        { provide: PushPreferenceStore, useClass: TypeormPushPreferenceStore },
        { provide: PushChannels, useClass: LibraryPushChannels },
        { provide: PushMetrics, useClass: PrometheusPushMetrics },
        {
          provide: PushSender,
          // Keys are resolved when the module is built, so a broken data folder stops start-up.
          useFactory: () =>
            new WebPushSender({
              keys: resolveVapidKeys({ publicKey: config.push.vapidPublicKey, privateKey: config.push.vapidPrivateKey }, config.dataDir),
              subject: config.push.vapidSubject,
              timeoutMs: PUSH_SEND_TIMEOUT_MS,
              logger,
            }),
        },
        { provide: PushQueue, useValue: new PushQueue(config.push.coalesceMs) },
        {
          provide: SubscribeToPush,
          useFactory: (store: PushSubscriptionStore, clock: Clock) => new SubscribeToPush(store, { allowHttpLoopback: config.push.allowHttpLoopback }, clock),
          inject: [PushSubscriptionStore, Clock],
        },
        provideUseCase(UnsubscribeFromPush, [PushSubscriptionStore]),
        provideUseCase(MuteChannel, [PushChannels, PushPreferenceStore]),
        provideUseCase(UnmuteChannel, [PushChannels, PushPreferenceStore]),
        provideUseCase(ReadPushSettings, [PushPreferenceStore]),
        provideUseCase(ChangePushSettings, [PushPreferenceStore, ReadPushSettings]),
        provideUseCase(ReadVapidPublicKey, [PushSender]),
        provideUseCase(ForgetPushOf, [PushSubscriptionStore, PushPreferenceStore]),
        provideUseCase(NotifyOfflineMembers, [PushChannels, Presence, PushSubscriptionStore, PushPreferenceStore, PushQueue, PushMetrics]),
        provideUseCase(SendDueNotifications, [PushQueue, Presence, PushSubscriptionStore, PushPreferenceStore, PushChannels, PushSender, PushMetrics]),
        {
          provide: PushDispatchLifecycle,
          useFactory: (...deps: [StoredMessageWatchers, PushQueue, NotifyOfflineMembers, SendDueNotifications, PushMetrics, Clock]) =>
            new PushDispatchLifecycle(...deps, config.push.batchMs, logger),
          inject: [StoredMessageWatchers, PushQueue, NotifyOfflineMembers, SendDueNotifications, PushMetrics, Clock],
        },
      ],
      // For the app's account deletion.
      exports: [ForgetPushOf],
    };
  }
}
