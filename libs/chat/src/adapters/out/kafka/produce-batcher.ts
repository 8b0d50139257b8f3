import { Message, Producer } from 'kafkajs';
import { histogram, LATENCY_BUCKETS } from '@webchat/platform';

const publishSeconds = histogram({
  name: 'chat_bus_publish_seconds',
  help: 'One produce request to the chat topics (acks -1), in seconds',
  labelNames: ['topic'],
  buckets: LATENCY_BUCKETS,
});

interface Waiting {
  readonly message: Message;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the messages produced in one turn (and while a send is in flight) into one produce
 * request. The idempotent producer allows one request in flight, so without this every send
 * would wait a round trip for the one before it; with it, load makes batches grow instead.
 */
export class ProduceBatcher {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly maxMessages = 2000,
  ) {}

  /** Resolves once Kafka acknowledged the message on every in-sync replica (acks -1). */
  send(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxMessages);
      const stop = publishSeconds.startTimer({ topic: this.topic.endsWith('.persisted') ? 'persisted' : 'messages' });
      try {
        await this.producer.send({ topic: this.topic, acks: -1, messages: batch.map((waiting) => waiting.message) });
        stop();
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.flushing = false;
  }
}
