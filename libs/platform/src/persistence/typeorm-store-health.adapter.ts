import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StoreHealth } from '../health/store-health.port';

@Injectable()
export class TypeormStoreHealth extends StoreHealth {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
