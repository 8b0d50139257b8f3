import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Message, StoredMessageWatchers } from '@webchat/chat';
import { Clock } from '@webchat/platform';
import type { Logger } from 'pino';
import { NotifyOfflineMembers } from '../../../application/notify-offline-members.use-case';
import { PushMetrics } from '../../../application/ports/push-metrics.port';
import { PushQueue } from '../../../application/push-queue';
import { SendDueNotifications } from '../../../application/send-due-notifications.use-case';
import { NewMessage } from '../../../domain/new-message';

/**
 * Feeds push from the chat pipeline: the persist stage's newly stored messages (once in the
 * cluster) go into the queue at once, and every `batchMs` one tick, never two at a time, makes
 * the decision for all of them and sends what is due. Delivery (`message:new`) never waits for it.
 */
export class PushDispatchLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopWatching?: () => void;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly watchers: StoredMessageWatchers,
    private readonly queue: PushQueue,
    private readonly notify: NotifyOfflineMembers,
    private readonly sendDue: SendDueNotifications,
    private readonly metrics: PushMetrics,
    private readonly clock: Clock,
    private readonly batchMs: number,
    private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stopWatching = this.watchers.watch((messages) => {
      const dropped = this.queue.offer(messages.map(toNewMessage));
      if (dropped > 0) this.metrics.dropped(dropped);
    });
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.batchMs);
    this.timer.unref();
  }

  /** Before the stores close: the tick under way finishes; notices still held are dropped. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopWatching?.();
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const messages = this.queue.takeIntake();
      if (messages.length > 0) await this.notify.execute(messages);
      await this.sendDue.execute(this.clock.now());
    } catch (error) {
      // A store or channel read failed: this tick's notices are lost, the next tick runs as usual.
      this.logger.error({ err: error }, 'push: a dispatch tick failed');
    }
  }
}

function toNewMessage(message: Message): NewMessage {
  return { id: message.id, channelId: message.channelId, seq: message.seq, senderId: message.senderId, senderName: message.senderName, text: message.text };
}
