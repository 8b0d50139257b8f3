import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '@webchat/platform';
import { RunDueReservedTransfers } from '../../../application/run-due-reserved-transfers.use-case';
import { WalletMetrics } from '../../out/metrics/wallet-metrics';

const JOB = 'reserved-transfers';

/**
 * Every RESERVED_TRANSFERS_INTERVAL_MS, runs the due reserved transfers. Every node may run it:
 * the store's claim (SKIP LOCKED) keeps two nodes off the same row. A round never overlaps the
 * previous one on this node, and shutdown waits for the round under way.
 */
@Injectable()
export class ReservedTransferScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReservedTransferScheduler.name);
  private round?: Promise<void>;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly runDue: RunDueReservedTransfers,
    private readonly config: AppConfig,
    private readonly metrics: WalletMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reservedTransfersIntervalMs === 0) return;
    this.registry.addInterval(JOB, setInterval(() => this.tick(), this.config.reservedTransfersIntervalMs));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', JOB)) this.registry.deleteInterval(JOB);
    await this.round;
  }

  /** One round, unless the previous one still runs. */
  tick(): Promise<void> {
    this.round ??= this.runRound().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async runRound(): Promise<void> {
    try {
      const summary = await this.runDue.execute();
      this.metrics.reservedRound(summary);
    } catch (error) {
      this.logger.error(`reserved transfers round failed: ${String((error as Error)?.stack ?? error)}`);
    }
  }
}
