import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PurgeIdempotencyRecords } from '../../../application/purge-idempotency-records.use-case';

/** Hourly on every node: idempotency records past their retention go (a DELETE by created_at, harmless twice). */
@Injectable()
export class IdempotencyPurgeScheduler {
  private readonly logger = new Logger(IdempotencyPurgeScheduler.name);

  constructor(private readonly purge: PurgeIdempotencyRecords) {}

  @Interval('idempotency-purge', 3_600_000)
  async run(): Promise<void> {
    try {
      const purged = await this.purge.execute();
      if (purged > 0) this.logger.log(`purged ${purged} idempotency record(s)`);
    } catch (error) {
      this.logger.error(`idempotency purge failed: ${String(error)}`);
    }
  }
}
