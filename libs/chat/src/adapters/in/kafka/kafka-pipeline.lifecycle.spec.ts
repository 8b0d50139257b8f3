import type { KafkaBatchTransport } from '@webchat/platform/kafka';
import { AckedMessage, PendingAcks } from '../../../application/pipeline/pending-acks';
import { MessageBus } from '../../../application/ports/message-bus.port';
import { ChatUnavailableError } from '../../../domain/chat.errors';
import { KafkaPipelineLifecycle } from './kafka-pipeline.lifecycle';

class RecordedBus extends MessageBus {
  constructor(private readonly steps: string[]) {
    super();
  }
  async publishDraft(): Promise<void> {}
  async publishChange(): Promise<void> {}
  async publishStored(): Promise<void> {}
  async start(): Promise<void> {
    this.steps.push('bus.start');
  }
  async stop(): Promise<void> {
    this.steps.push('bus.stop');
  }
}

const stored = { type: 'TEXT', channelId: 'c1', senderId: 'u1', clientMsgId: 'm1', seq: 1, editedAt: null, deletedAt: null, unreadCount: 0, replyToId: null, replyTo: null } as AckedMessage;

// The order of DESIGN's graceful stop; the real consumers' part is in test/chat-two-nodes and chat-server-processes.
describe('KafkaPipelineLifecycle', () => {
  it('on shutdown takes no new sends, waits for those in flight, then closes the consumers, then the producer', async () => {
    const steps: string[] = [];
    const pending = new PendingAcks(5_000);
    const transport = { close: async () => void steps.push('transport.close') } as unknown as KafkaBatchTransport;
    const lifecycle = new KafkaPipelineLifecycle(pending, new RecordedBus(steps), transport);
    const inFlight = pending.wait('c1', 'u1', 'm1').then(() => steps.push('in-flight send acked'));

    const stopping = lifecycle.beforeApplicationShutdown();
    expect(() => pending.wait('c1', 'u1', 'm2')).toThrow(ChatUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toEqual([]);
    // The consumers still run while the node drains: the stored batch arrives and acks the send.
    pending.settle(stored);
    await stopping;
    await inFlight;

    expect(steps).toEqual(['in-flight send acked', 'transport.close', 'bus.stop']);
  });
});
