import { MessageBus } from '../application/ports/message-bus.port';

/** A log that refuses every draft and change, as Kafka does while no broker answers (the in-process queue never refuses). */
export class RefusingBus extends MessageBus {
  async publishDraft(): Promise<void> {
    throw new Error('no broker answered');
  }
  async publishChange(): Promise<void> {
    throw new Error('no broker answered');
  }
  async publishStored(): Promise<void> {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/** A log whose produce keeps retrying (kafkajs while the broker is down) and fails only after `failAfterMs`. */
export class SlowFailingBus extends RefusingBus {
  constructor(private readonly failAfterMs: number) {
    super();
  }
  override async publishDraft(): Promise<void> {
    await this.failLate();
  }
  override async publishChange(): Promise<void> {
    await this.failLate();
  }
  private async failLate(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.failAfterMs));
    throw new Error('no broker answered in time');
  }
}

/** Collects the promise rejections nobody handled while `work` runs (Node ends the process on one). */
export async function unhandledDuring(work: () => Promise<void>): Promise<unknown[]> {
  const unobserved: unknown[] = [];
  const listener = (reason: unknown) => void unobserved.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await work();
  } finally {
    process.off('unhandledRejection', listener);
  }
  return unobserved;
}
