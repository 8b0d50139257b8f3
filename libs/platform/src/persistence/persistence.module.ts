import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { StoreHealth } from '../health/store-health.port';
import { buildDataSourceOptions } from './data-source-options';
import { PersistenceFeature } from './persistence-feature';
import { runMigrationsExclusively } from './run-migrations';
import { SqlTransactions } from './sql-transactions';
import { TypeormStoreHealth } from './typeorm-store-health.adapter';

/** Connects the configured relational store once, with every library's entities and migrations. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig, features: readonly PersistenceFeature[]): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(config, features), retryAttempts: 3 }),
          // Migrations run after connecting, under a lock, so nodes started together take turns.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource({ ...(options as DataSourceOptions), migrationsRun: false }).initialize();
            await runMigrationsExclusively(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: StoreHealth, useClass: TypeormStoreHealth }, SqlTransactions],
      exports: [StoreHealth, SqlTransactions],
    };
  }
}
