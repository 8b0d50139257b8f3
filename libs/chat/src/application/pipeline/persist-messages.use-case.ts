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
    // A draft offered again after a crash (stored, its log position not yet committed) finds its
    // own message: announce it as new, since the first announcement may never have gone out.
    // A client's retry is another draft (another id) and stays a duplicate, never shown twice.
    await this.bus.publishStored(outcomes.map((outcome, n) => ({ message: outcome.message, isNew: outcome.isNew || outcome.message.id === drafts[n].id })));
  }
}
