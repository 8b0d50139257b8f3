import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { KafkaBatchContext } from '@webchat/platform/kafka';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { MessageDraft } from '../../../domain/message';
import { gauge } from '@webchat/platform';
import { DRAFTS_PATTERN } from './chat-event-patterns';

const persistLag = gauge({
  name: 'chat_persist_consumer_lag',
  help: 'Drafts on a partition of the chat log not yet stored, as this node last saw it',
  labelNames: ['partition'],
});

/**
 * The persist stage on Kafka: each batch of drafts from a partition this node owns in the
 * persist group, in log order, becomes one store transaction. Resolving lets the transport
 * commit the batch; throwing leaves it uncommitted, to come again (the store's retry key makes
 * the replay harmless).
 */
@Controller()
export class PersistMessagesConsumer {
  constructor(private readonly persist: PersistMessages) {}

  @EventPattern(DRAFTS_PATTERN)
  async persistBatch(@Payload() drafts: MessageDraft[], @Ctx() context: KafkaBatchContext): Promise<void> {
    await this.persist.execute(drafts);
    persistLag.set({ partition: String(context.getPartition()) }, context.getLag());
  }
}
