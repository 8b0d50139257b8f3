import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CHANNEL_EVENTS_TOPIC, ChannelEvent } from '@webchat/channel';
import { EventBus } from '@webchat/platform';
import { HandOverAdmin } from '../../../application/hand-over-admin.use-case';

/** When someone leaves a channel, ADMIN of its group wallets passes to the channel's owner. */
@Injectable()
export class ChannelMembershipListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: EventBus,
    private readonly handOverAdmin: HandOverAdmin,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe<ChannelEvent>(CHANNEL_EVENTS_TOPIC, (event) => this.on(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** A failure is logged by the bus; the leave itself has happened either way. */
  private async on(event: ChannelEvent): Promise<void> {
    if (event.type === 'member.removed') await this.handOverAdmin.execute(event.channelId, event.userId);
  }
}
