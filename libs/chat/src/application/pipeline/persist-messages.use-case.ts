import { MessageDraft } from '../../domain/message';
import { MessageBus } from '../ports/message-bus.port';
import { MessageStore } from '../ports/message-store.port';

/** The persist stage: one store transaction per batch, then the stored batch goes to every node. */
export class PersistMessages {
  constructor(
    private readonly store: MessageStore,
    private readonly bus: MessageBus,
  ) {}

  async execute(drafts: readonly MessageDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const outcomes = await this.store.appendBatch(drafts);
    await this.bus.publishStored(outcomes);
  }
}
