import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { EventBusModule } from './events/event-bus.module';
import { Clock, EventBus, IdGenerator, PasswordHasher, Presence, SystemClock, UuidGenerator } from './kernel';
import { Argon2PasswordHasher } from './passwords/argon2-password-hasher.adapter';
import { ClusterPresence } from './presence/cluster-presence.adapter';
import { createLogger } from './logging/create-logger';
import { MetricsModule } from './metrics/metrics.module';
import { PersistenceFeature } from './persistence/persistence-feature';
import { PersistenceModule } from './persistence/persistence.module';
import { RateLimitModule } from './rate-limits/rate-limit.module';

/** The shared kernel every domain module relies on: config, auth, store, rate limits, metrics, health, ids, clock, hashing, presence, events. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, features: readonly PersistenceFeature[]): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        AuthModule.forRoot(config),
        PersistenceModule.forRoot(config, features),
        RateLimitModule.forRoot(config),
        MetricsModule,
        EventBusModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: IdGenerator, useClass: UuidGenerator },
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        {
          provide: Presence,
          useFactory: (bus: EventBus) => new ClusterPresence(bus, { nodeId: config.nodeId, ...config.presence, logger: createLogger(config) }),
          inject: [EventBus],
        },
      ],
      exports: [Clock, IdGenerator, PasswordHasher, Presence, EventBusModule],
    };
  }
}
