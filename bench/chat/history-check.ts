import { call, inParallel } from './webchat-population';

const PAGE = 100;

export interface HistoryCheck {
  /** This run's messages found in history, per channel id. */
  readonly storedPerChannel: Record<string, number>;
  readonly stored: number;
  /** Stored messages of this run whose clientMsgId or seq appears more than once in their channel. */
  readonly duplicates: number;
  readonly checkedChannels: number;
}

interface StoredMessage {
  readonly seq: number;
  readonly clientMsgId: string | null;
}

/** Reads every channel's whole history (afterSeq pages, as a reconnecting client would) and counts this run's messages. */
export async function checkHistory(url: string, readers: ReadonlyMap<string, string>, runId: string): Promise<HistoryCheck> {
  const prefix = `${runId}-`;
  const channels = [...readers];
  const perChannel = await inParallel(channels.length, async (n) => {
    const [channelId, token] = channels[n];
    const ids = new Set<string>();
    const seqs = new Set<number>();
    let duplicates = 0;
    let after = 0;
    for (;;) {
      const { items } = await call<{ items: StoredMessage[] }>(url, 'GET', `/api/channels/${channelId}/messages?afterSeq=${after}&limit=${PAGE}`, undefined, token);
      for (const message of items) {
        if (!message.clientMsgId?.startsWith(prefix)) continue;
        if (ids.has(message.clientMsgId) || seqs.has(message.seq)) duplicates += 1;
        ids.add(message.clientMsgId);
        seqs.add(message.seq);
      }
      if (items.length < PAGE) break;
      after = items[items.length - 1].seq;
    }
    return { channelId, stored: ids.size, duplicates };
  });
  const storedPerChannel: Record<string, number> = {};
  for (const { channelId, stored } of perChannel) storedPerChannel[channelId] = stored;
  return {
    storedPerChannel,
    stored: perChannel.reduce((sum, entry) => sum + entry.stored, 0),
    duplicates: perChannel.reduce((sum, entry) => sum + entry.duplicates, 0),
    checkedChannels: perChannel.length,
  };
}
