import { performance } from 'node:perf_hooks';
import { percentile } from '../support/percentile';
import type { OpenedStore } from './store-kinds';
import { HistoryShape, QueryKind, SEARCH_TERMS, SEARCHED_CHANNEL, syntheticHistory } from './synthetic-history';

const HISTORY_PAGE = 50;
const SEARCH_LIMIT = 20;

export interface TermFigures {
  readonly kind: QueryKind;
  readonly term: string;
  /** Messages of the searched channel that hold the term. */
  readonly hitsInChannel: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface StoreFigures {
  readonly store: string;
  readonly appendsPerSecond: number;
  readonly loadSeconds: number;
  readonly historyP50Ms: number;
  readonly historyP95Ms: number;
  /** p95 over every run of every term of the kind. */
  readonly searchP95Ms: Record<QueryKind, number>;
  readonly terms: TermFigures[];
}

export interface Sampling {
  readonly historyPages: number;
  readonly searchRuns: number;
}

/** Loads the synthetic history into the empty store, then times history pages and searches. */
export async function measureStore(name: string, opened: OpenedStore, shape: HistoryShape, sampling: Sampling): Promise<StoreFigures> {
  const { store } = opened;
  const hits = new Map<string, number>();
  let appendMs = 0;
  let appended = 0;
  let reported = 0;
  for (const drafts of syntheticHistory(shape, hits)) {
    const started = performance.now();
    await store.appendBatch(drafts);
    appendMs += performance.now() - started;
    appended += drafts.length;
    if (appended - reported >= shape.messages / 10 || appended === shape.messages) {
      reported = appended;
      process.stdout.write(`  ${name}: ${appended.toLocaleString('en')} messages stored, ${Math.round(appended / (appendMs / 1000)).toLocaleString('en')}/s\n`);
    }
  }
  const lastSeq = (await store.lastSeq([SEARCHED_CHANNEL])).get(SEARCHED_CHANNEL) ?? 0;
  if (lastSeq !== shape.channelMessages) throw new Error(`${name}: the searched channel holds ${lastSeq} messages, expected ${shape.channelMessages}`);

  const pages: Array<() => Promise<unknown>> = [
    () => store.pageLatest(SEARCHED_CHANNEL, HISTORY_PAGE),
    () => store.pageBefore(SEARCHED_CHANNEL, 1 + Math.floor(Math.random() * lastSeq), HISTORY_PAGE),
    () => store.pageAfter(SEARCHED_CHANNEL, Math.floor(Math.random() * lastSeq), HISTORY_PAGE),
  ];
  const historyMs: number[] = [];
  for (let i = 0; i < sampling.historyPages; i += 1) historyMs.push(await timed(pages[i % pages.length]));

  const terms: TermFigures[] = [];
  const byKind = new Map<QueryKind, number[]>();
  for (const { kind, term } of SEARCH_TERMS) {
    await store.search(SEARCHED_CHANNEL, term, SEARCH_LIMIT); // warm-up: the first run also pays for the cold cache
    const runs: number[] = [];
    for (let i = 0; i < sampling.searchRuns; i += 1) runs.push(await timed(() => store.search(SEARCHED_CHANNEL, term, SEARCH_LIMIT)));
    byKind.set(kind, [...(byKind.get(kind) ?? []), ...runs]);
    terms.push({ kind, term, hitsInChannel: hits.get(term) ?? 0, p50Ms: percentile(runs, 50), p95Ms: percentile(runs, 95) });
  }
  const searchP95Ms = Object.fromEntries([...byKind].map(([kind, runs]) => [kind, percentile(runs, 95)])) as Record<QueryKind, number>;
  return {
    store: name,
    appendsPerSecond: appended / (appendMs / 1000),
    loadSeconds: appendMs / 1000,
    historyP50Ms: percentile(historyMs, 50),
    historyP95Ms: percentile(historyMs, 95),
    searchP95Ms,
    terms,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
