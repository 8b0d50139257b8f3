import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { EventBusModule } from './events/event-bus.module';
import { Clock, IdGenerator, PasswordHasher, Presence, SystemClock, UuidGenerator } from './kernel';
import { Argon2PasswordHasher } from './passwords/argon2-password-hasher.adapter';
import { MemoryPresence } from './presence/memory-presence.adapter';
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
        // One process for now: the chat issue brings the cross-node presence adapter.
        { provide: Presence, useValue: new MemoryPresence() },
      ],
      exports: [Clock, IdGenerator, PasswordHasher, Presence, EventBusModule],
    };
  }
}
