import { ProcessCluster, ProcessUser } from '../../support/process-cluster';
import { AckedMessage } from './chat-load';
import { ChatLoadGroup } from './chat-load-group';

interface StoredMessage extends AckedMessage {
  readonly type: 'TEXT' | 'SYSTEM';
}

/** What the store holds against what the clients were told, over every channel of the load. */
export interface HistoryVerdict {
  readonly stored: number;
  /** The same (sender, clientMsgId) stored more than once, plus seqs stored twice. */
  readonly duplicates: number;
  /** seqs missing between 1 and the last one. */
  readonly gaps: number;
  /** Acked messages missing from history, or stored as something else than their ack said. */
  readonly lostOrFalse: string[];
  /** Stored messages no client got an ack for (after a drain: a send that was stored but never acked). */
  readonly storedNotAcked: number;
}

/**
 * Reads each channel's history through its members' REST API and compares it with every ack the
 * clients got. History is append-only by seq, so each check reads only what came after the last
 * one and keeps the rest.
 */
export class StoredHistoryCheck {
  private readonly histories = new Map<string, StoredMessage[]>();

  constructor(private readonly cluster: ProcessCluster) {}

  async verify(load: ChatLoadGroup): Promise<HistoryVerdict> {
    let stored = 0;
    let duplicates = 0;
    let gaps = 0;
    let storedNotAcked = 0;
    const lostOrFalse: string[] = [];
    for (const channelId of load.channelIds) {
      const clients = load.clients.filter((client) => client.channelId === channelId);
      const history = await this.read(channelId, clients[0].user);
      stored += history.length;
      history.forEach((message, n) => {
        const expected = n === 0 ? 1 : history[n - 1].seq + 1;
        if (message.seq > expected) gaps += message.seq - expected;
        if (message.seq < expected) duplicates += 1;
      });
      const byKey = new Map<string, StoredMessage[]>();
      for (const message of history) {
        if (message.type !== 'TEXT') continue;
        const key = `${message.senderId}\n${message.clientMsgId}`;
        byKey.set(key, [...(byKey.get(key) ?? []), message]);
      }
      for (const copies of byKey.values()) duplicates += copies.length - 1;
      let acked = 0;
      for (const client of clients) {
        for (const ack of client.acked.values()) {
          acked += 1;
          const copies = byKey.get(`${client.user.id}\n${ack.clientMsgId}`) ?? [];
          if (!copies.some((copy) => copy.id === ack.id && copy.seq === ack.seq && copy.text === ack.text)) {
            lostOrFalse.push(`${channelId} seq ${ack.seq} (${ack.clientMsgId}): acked, stored as ${JSON.stringify(copies.map((copy) => [copy.id, copy.seq]))}`);
          }
        }
      }
      storedNotAcked += Math.max(0, byKey.size - acked);
    }
    return { stored, duplicates, gaps, lostOrFalse, storedNotAcked };
  }

  private async read(channelId: string, member: ProcessUser): Promise<StoredMessage[]> {
    const history = this.histories.get(channelId) ?? [];
    const after = history.length === 0 ? 0 : history[history.length - 1].seq;
    history.push(...(await this.cluster.history<StoredMessage>(this.cluster.runningNodes()[0], member, channelId, after)));
    this.histories.set(channelId, history);
    return history;
  }
}
