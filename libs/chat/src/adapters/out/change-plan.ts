import { Message } from '../../domain/message';
import { ChangeOutcome, decideChange, MessageChange } from '../../domain/message-change';
import { distinct } from './append-plan';

export interface ChangePlan {
  readonly outcomes: ChangeOutcome[];
  /** The messages the changes altered, each once, as they end: what the adapter writes back. */
  readonly changed: Message[];
}

/** The ids of the messages a batch of changes reads (under the adapter's transaction or lock). */
export function targetIds(changes: readonly MessageChange[]): string[] {
  return distinct(changes.map((change) => change.messageId));
}

/**
 * Decides, inside the adapter's transaction, what a batch of changes does, in order: `stored`
 * holds the messages of targetIds as stored. A later change of the batch sees an earlier one's
 * effect (an edit after a delete of the same message is refused).
 */
export function planChanges(changes: readonly MessageChange[], stored: ReadonlyMap<string, Message>): ChangePlan {
  const current = new Map(stored);
  const changed = new Map<string, Message>();
  const outcomes = changes.map((change) => {
    const outcome = decideChange(change, current.get(change.messageId));
    if (outcome.applied && outcome.message !== current.get(change.messageId)) {
      current.set(change.messageId, outcome.message);
      changed.set(change.messageId, outcome.message);
    }
    return outcome;
  });
  return { outcomes, changed: [...changed.values()] };
}
