import { Injectable } from '@nestjs/common';
import { EventBus } from '@webchat/platform';
import { ReadReceipts } from '../../../application/ports/read-receipts.port';
import { ReadReceipt } from '../../../domain/read-receipt';

/** The topic every node's socket gateway listens on to relay `receipt` events. */
export const READ_RECEIPTS_TOPIC = 'chat.receipts';

@Injectable()
export class EventBusReadReceipts extends ReadReceipts {
  constructor(private readonly bus: EventBus) {
    super();
  }

  publish(receipt: ReadReceipt): Promise<void> {
    // Keyed by channel: one channel's receipts reach every node in the order they were published.
    return this.bus.publish(READ_RECEIPTS_TOPIC, receipt, receipt.channelId);
  }
}
