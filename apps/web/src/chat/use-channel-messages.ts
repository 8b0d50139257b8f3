import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/http';
import { errorText } from '../api/error-text';
import type { Message, Page } from '../api/types';
import type { MessageDeleted, Receipt } from '../realtime/events';
import { useRealtime, useSocketEvent } from '../realtime/RealtimeContext';
import { applyDelete, applyEdit, applyReceipt, historyRangeToRecount, lastSeq, mergeBySeq } from './message-list';

const PAGE = 50;
const CATCH_UP_PAGE = 100;
/** Receipts often come in bursts (several members reading at once): one recount for them all. */
const RECOUNT_AFTER_MS = 300;

export interface ChannelMessages {
  messages: Message[];
  loading: boolean;
  error: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): Promise<void>;
  /** Puts a message this client sent (from its ack) in place. */
  add(message: Message): void;
  /** Puts a message this client edited (from its ack) in place. */
  edited(message: Message): void;
  /** Turns a message this client deleted into its tombstone (the ack says only ok). */
  deleted(message: { id: string; seq: number }): void;
}

const historyUrl = (channelId: string, cursor: string) => `/channels/${encodeURIComponent(channelId)}/messages?${cursor}`;

/**
 * A channel's messages as this view shows them: the newest page first, older pages on demand
 * (`beforeSeq`), live `message:new`, and after a reconnection (or a gap in seq) everything after the
 * last seq seen (`afterSeq`), so nothing sent meanwhile is missed. Unread numbers go down with
 * `receipt`: at once for messages that came live, by asking the server again for history messages.
 */
export function useChannelMessages(channelId: string): ChannelMessages {
  const { reconnects } = useRealtime();
  const [messages, setMessages] = useState<Message[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const latest = useRef<Message[]>([]);
  const readers = useRef(new Map<number, Set<string>>());
  const catchingUp = useRef<Promise<void> | null>(null);
  const live = useRef(new Set<number>());
  const recount = useRef<{ range: [number, number]; timer: ReturnType<typeof setTimeout> } | null>(null);
  const arrivedLive = useCallback((seq: number) => live.current.has(seq), []);

  const update = useCallback((change: (current: Message[]) => Message[]) => {
    latest.current = change(latest.current);
    setMessages(latest.current);
  }, []);

  useEffect(() => {
    let cancelled = false;
    latest.current = [];
    readers.current = new Map();
    live.current = new Set();
    setMessages([]);
    setLoading(true);
    setError(null);
    api.get<Page<Message>>(historyUrl(channelId, `limit=${PAGE}`)).then(
      (page) => {
        if (cancelled) return;
        update((current) => mergeBySeq(current, page.items));
        setHasOlder(page.items.length === PAGE && page.items[0].seq > 1);
        setLoading(false);
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(errorText(failure));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [channelId, update]);

  const catchUp = useCallback(() => {
    // One catch-up at a time; a second reason to catch up joins the one running.
    catchingUp.current ??= (async () => {
      try {
        for (;;) {
          const after = lastSeq(latest.current);
          const page = await api.get<Page<Message>>(historyUrl(channelId, `afterSeq=${after}&limit=${CATCH_UP_PAGE}`));
          update((current) => mergeBySeq(current, page.items));
          if (page.items.length < CATCH_UP_PAGE) break;
        }
      } catch (failure) {
        setError(errorText(failure));
      } finally {
        catchingUp.current = null;
      }
    })();
    return catchingUp.current;
  }, [channelId, update]);

  useEffect(() => {
    if (reconnects > 0 && latest.current.length > 0) void catchUp();
  }, [reconnects, catchUp]);

  useSocketEvent('message:new', (message: Message) => {
    if (message.channelId !== channelId) return;
    const before = lastSeq(latest.current);
    // A gap means something was missed (sent while this view was loading or the socket was away).
    if (before > 0 && message.seq > before + 1) void catchUp();
    live.current.add(message.seq);
    update((current) => mergeBySeq(current, [message]));
  });

  // Edits and deletes change a message in place, and the quotes of the replies to it.
  useSocketEvent('message:updated', (message: Message) => {
    if (message.channelId === channelId) update((current) => applyEdit(current, message));
  });
  useSocketEvent('message:deleted', (event: MessageDeleted) => {
    if (event.channelId === channelId) update((current) => applyDelete(current, event));
  });

  const recountHistory = useCallback(
    async ([first, last]: [number, number]) => {
      try {
        for (let after = first - 1; after < last; ) {
          const page = await api.get<Page<Message>>(historyUrl(channelId, `afterSeq=${after}&limit=${CATCH_UP_PAGE}`));
          update((current) => mergeBySeq(current, page.items.filter((message) => message.seq <= last)));
          if (page.items.length < CATCH_UP_PAGE) break;
          after = page.items[page.items.length - 1].seq;
        }
      } catch {
        // The numbers stay as they were; the next receipt or a reload asks again.
      }
    },
    [channelId, update],
  );

  useSocketEvent('receipt', (receipt: Receipt) => {
    if (receipt.channelId !== channelId) return;
    update((current) => applyReceipt(current, readers.current, receipt.userId, receipt.seq, arrivedLive));
    const range = historyRangeToRecount(latest.current, receipt.userId, receipt.seq, arrivedLive);
    if (!range) return;
    const pending = recount.current;
    if (pending) clearTimeout(pending.timer);
    const merged: [number, number] = pending ? [Math.min(pending.range[0], range[0]), Math.max(pending.range[1], range[1])] : range;
    recount.current = {
      range: merged,
      timer: setTimeout(() => {
        recount.current = null;
        void recountHistory(merged);
      }, RECOUNT_AFTER_MS),
    };
  });

  useEffect(() => () => clearTimeout(recount.current?.timer), []);

  const loadOlder = useCallback(async () => {
    const first = latest.current[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.get<Page<Message>>(historyUrl(channelId, `beforeSeq=${first.seq}&limit=${PAGE}`));
      update((current) => mergeBySeq(current, page.items));
      setHasOlder(page.items.length === PAGE && page.items[0].seq > 1);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setLoadingOlder(false);
    }
  }, [channelId, loadingOlder, update]);

  const add = useCallback(
    (message: Message) => {
      live.current.add(message.seq);
      update((current) => mergeBySeq(current, [message]));
    },
    [update],
  );

  const edited = useCallback((message: Message) => update((current) => applyEdit(current, message)), [update]);
  const deleted = useCallback((message: { id: string; seq: number }) => update((current) => applyDelete(current, message)), [update]);

  return { messages, loading, error, hasOlder, loadingOlder, loadOlder, add, edited, deleted };
}
