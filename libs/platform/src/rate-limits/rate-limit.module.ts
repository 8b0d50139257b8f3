import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { AppConfig } from '../config/app-config';
import { RateLimiter } from '../kernel';
import { FlexibleRateLimiter, memoryRateLimiter } from './flexible-rate-limiter.adapter';
import { mysqlLimiters } from './limiter-sets';

/** The RateLimiter port: counts in memory on SQLite (one process), in the shared database on MySQL. */
@Global()
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const limiter: Provider =
      config.db === 'mysql'
        ? {
            provide: RateLimiter,
            inject: [DataSource],
            useFactory: (dataSource: DataSource) => {
              const driver = dataSource.driver as MysqlDriver;
              return new FlexibleRateLimiter(mysqlLimiters(config.rateLimits, { pool: driver.pool, database: String(driver.database) }));
            },
          }
        : { provide: RateLimiter, useValue: memoryRateLimiter(config.rateLimits) };
    return { module: RateLimitModule, providers: [limiter], exports: [RateLimiter] };
  }
}
