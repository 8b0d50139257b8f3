import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { KafkaBatchContext } from '@webchat/platform/kafka';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { gauge } from '@webchat/platform';
import { LogEntry } from '../../../application/ports/message-bus.port';
import { DRAFTS_PATTERN } from './chat-event-patterns';

const persistLag = gauge({
  name: 'chat_persist_consumer_lag',
  help: 'Drafts on a partition of the chat log not yet stored, as this node last saw it',
  labelNames: ['partition'],
});

/**
 * The persist stage on Kafka: each batch of drafts (and of the edits and deletes between them)
 * from a partition this node owns in the persist group, in log order, is stored by
 * PersistMessages. Resolving lets the transport commit the batch; throwing leaves it uncommitted,
 * to come again (the store's retry key makes the replay of a send harmless, and a change offered
 * again sets what it set before).
 */
@Controller()
export class PersistMessagesConsumer {
  constructor(private readonly persist: PersistMessages) {}

  @EventPattern(DRAFTS_PATTERN)
  async persistBatch(@Payload() entries: LogEntry[], @Ctx() context: KafkaBatchContext): Promise<void> {
    await this.persist.execute(entries);
    persistLag.set({ partition: String(context.getPartition()) }, context.getLag());
  }
}
