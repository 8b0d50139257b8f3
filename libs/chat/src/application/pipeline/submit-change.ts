import { ChatUnavailableError } from '../../domain/chat.errors';
import { MessageChange } from '../../domain/message-change';
import { MessageBus } from '../ports/message-bus.port';
import { AckedMessage, PendingAcks } from './pending-acks';

/**
 * Puts an edit or delete on the log behind the channel's sends and answers once the persist stage
 * applied it (the message as it left it) or refused it. A log that refuses the change fails it now,
 * its waiter with it, as a send's does; one that stays silent leaves it to the ack timeout.
 */
export async function submitChange(bus: MessageBus, pending: PendingAcks, change: MessageChange): Promise<AckedMessage> {
  const publish = new AbortController();
  const answer = pending.waitChange(change.id, publish.signal);
  // Not awaited, as a send's draft (SendMessage): the answer is the waiter's alone, so a waiter that
  // times out while kafkajs still retries the publish is never a rejection nobody awaits.
  bus.publishChange(change).catch(() => publish.abort(new ChatUnavailableError('The change could not be put on the log; try again')));
  return answer;
}
