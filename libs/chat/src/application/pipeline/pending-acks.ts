import { ChatUnavailableError } from '../../domain/chat.errors';
import { WithReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';

/** What an ack answers: the stored message, counted, with what it quotes. */
export type AckedMessage = WithReplyTo<CountedMessage>;

type Waiter = { resolve(message: AckedMessage): void; reject(error: Error): void };

/**
 * Requests waiting on this node for the persist stage: sends by (channel, sender, clientMsgId),
 * so every send of the same id (a retry racing the first) gets the one stored message; edits and
 * deletes by the id their node gave the change, so a change offered again after a crash settles
 * nothing twice, and a client's retry is a change of its own that finds the message as the first
 * left it. A request not stored within the timeout fails UNAVAILABLE.
 */
export class PendingAcks {
  private readonly waiting = new Map<string, Waiter[]>();
  private closing = false;

  constructor(private readonly timeoutMs: number) {}

  /**
   * Throws UNAVAILABLE at once while the node is shutting down. `withdrawn` takes this send back
   * (its draft never reached the log): it stops waiting and fails with the signal's reason.
   */
  wait(channelId: string, senderId: string, clientMsgId: string, withdrawn?: AbortSignal): Promise<AckedMessage> {
    return this.enqueue(sendKey(channelId, senderId, clientMsgId), withdrawn);
  }

  /** The same for an edit or delete: resolves with the message as the change left it, or fails with the refusal. */
  waitChange(changeId: string, withdrawn?: AbortSignal): Promise<AckedMessage> {
    return this.enqueue(changeKey(changeId), withdrawn);
  }

  /** Resolves the sends waiting for this message, if any are on this node. */
  settle(message: AckedMessage): void {
    if (message.type !== 'TEXT') return;
    this.take(sendKey(message.channelId, message.senderId, message.clientMsgId))?.forEach((waiter) => waiter.resolve(message));
  }

  /** Answers the change's requester, if it waits on this node: the message as changed, or the refusal. */
  settleChange(changeId: string, answer: AckedMessage | Error): void {
    this.take(changeKey(changeId))?.forEach((waiter) => (answer instanceof Error ? waiter.reject(answer) : waiter.resolve(answer)));
  }

  /**
   * Shutdown: takes no new requests, gives those in flight up to `timeoutMs` to be stored and
   * acked, then fails the rest UNAVAILABLE (their clients retry: with the same clientMsgId for sends).
   */
  async drain(timeoutMs: number): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    while (this.waiting.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    this.failAll(new ChatUnavailableError('This server is shutting down; send again with the same clientMsgId'));
  }

  /** Fails every waiting request: their clients retry with the same clientMsgId. */
  failAll(error: Error): void {
    for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.reject(error);
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }

  private enqueue(key: string, withdrawn?: AbortSignal): Promise<AckedMessage> {
    if (this.closing) throw new ChatUnavailableError('This server is shutting down; send again with the same clientMsgId');
    return new Promise<AckedMessage>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const giveUp = (error: unknown) => {
        clearTimeout(timer);
        this.remove(key, waiter);
        reject(error);
      };
      const timer = setTimeout(() => giveUp(new ChatUnavailableError()), this.timeoutMs);
      withdrawn?.addEventListener('abort', () => giveUp(withdrawn.reason), { once: true });
      this.waiting.set(key, [...(this.waiting.get(key) ?? []), waiter]);
    });
  }

  private take(key: string): Waiter[] | undefined {
    const waiters = this.waiting.get(key);
    this.waiting.delete(key);
    return waiters;
  }

  private remove(key: string, waiter: Waiter): void {
    const left = (this.waiting.get(key) ?? []).filter((candidate) => candidate !== waiter);
    if (left.length > 0) this.waiting.set(key, left);
    else this.waiting.delete(key);
  }
}

function sendKey(channelId: string, senderId: string, clientMsgId: string): string {
  return `send\n${channelId}\n${senderId}\n${clientMsgId}`;
}

function changeKey(changeId: string): string {
  return `change\n${changeId}`;
}
