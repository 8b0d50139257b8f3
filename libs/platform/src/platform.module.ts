import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { Clock, IdGenerator, SystemClock, UuidGenerator } from './kernel';
import { MetricsModule } from './metrics/metrics.module';
import { PersistenceFeature } from './persistence/persistence-feature';
import { PersistenceModule } from './persistence/persistence.module';

/** The shared kernel every domain module relies on: config, auth, store, metrics, health, ids, clock. */
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
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: IdGenerator, useClass: UuidGenerator },
      ],
      exports: [Clock, IdGenerator],
    };
  }
}
