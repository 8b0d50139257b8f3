import { ChatUnavailableError } from '../../domain/chat.errors';
import { WithReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';

/** What an ack answers: the stored message, counted, with what it quotes. */
export type AckedMessage = WithReplyTo<CountedMessage>;

type Waiter = { resolve(message: AckedMessage): void; reject(error: Error): void };

/**
 * Sends waiting on this node for their message to be stored, by (channel, sender,
 * clientMsgId): every send of the same id (a retry racing the first) gets the one
 * stored message. A send not stored within the timeout fails UNAVAILABLE.
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
    if (this.closing) throw new ChatUnavailableError('This server is shutting down; send again with the same clientMsgId');
    const key = ackKey(channelId, senderId, clientMsgId);
    return new Promise<AckedMessage>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject,
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

  /** Resolves the sends waiting for this message, if any are on this node. */
  settle(message: AckedMessage): void {
    if (message.type !== 'TEXT') return;
    const key = ackKey(message.channelId, message.senderId, message.clientMsgId);
    const waiters = this.waiting.get(key);
    if (!waiters) return;
    this.waiting.delete(key);
    for (const waiter of waiters) waiter.resolve(message);
  }

  /**
   * Shutdown: takes no new sends, gives those in flight up to `timeoutMs` to be stored and
   * acked, then fails the rest UNAVAILABLE (their clients retry with the same clientMsgId).
   */
  async drain(timeoutMs: number): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    while (this.waiting.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    this.failAll(new ChatUnavailableError('This server is shutting down; send again with the same clientMsgId'));
  }

  /** Fails every waiting send: their clients retry with the same clientMsgId. */
  failAll(error: Error): void {
    for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.reject(error);
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }

  private remove(key: string, waiter: Waiter): void {
    const left = (this.waiting.get(key) ?? []).filter((candidate) => candidate !== waiter);
    if (left.length > 0) this.waiting.set(key, left);
    else this.waiting.delete(key);
  }
}

function ackKey(channelId: string, senderId: string, clientMsgId: string): string {
  return `${channelId}\n${senderId}\n${clientMsgId}`;
}
