/**
 * `npm run bench:storage`: the message-store adapters side by side on the same synthetic
 * history (bench/storage/synthetic-history.ts): appends/s while loading it in batches, history
 * page p95 (latest, before and after a random seq, 50 messages) and search p95 per query kind
 * (two-character Korean, longer Korean, Latin; each a common, a rare and an absent term) in the
 * searched channel. SQLite (a WAL file with synchronous=FULL, as the server runs it) and MariaDB
 * (a fresh schema on the server of `npm run infra:up -- mariadb`) always; each store kind is one
 * entry of bench/storage/store-kinds.ts. Prints a table and writes JSON under bench/results/.
 *
 *   npm run bench:storage -- [--messages 1000000] [--channel-messages 200000] [--batch 1000]
 *                            [--history-pages 300] [--search-runs 20] [--stores SQLite,MariaDB] [--label name]
 *
 * The defaults are issue 10's goal: search p95 < 50 ms on 1,000,000 stored messages of which
 * 200,000 in the searched channel.
 */
import { parseArgs } from 'node:util';
import { loadInfraEnv } from '../libs/platform/src/testing/infra-env';
import { formatColumns } from './support/report';
import { saveResults } from './support/results-file';
import { measureStore, StoreFigures } from './storage/measure-store';
import { STORE_KINDS } from './storage/store-kinds';
import { QueryKind, SEARCH_TERMS } from './storage/synthetic-history';

const { values: options } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    'channel-messages': { type: 'string', default: '200000' },
    batch: { type: 'string', default: '1000' },
    'history-pages': { type: 'string', default: '300' },
    'search-runs': { type: 'string', default: '20' },
    stores: { type: 'string' },
    label: { type: 'string', default: '' },
  },
});

async function main(): Promise<void> {
  loadInfraEnv();
  const shape = { messages: count('messages'), channelMessages: count('channel-messages'), batch: count('batch') };
  if (shape.channelMessages > shape.messages) throw new Error('--channel-messages must not exceed --messages');
  const sampling = { historyPages: count('history-pages'), searchRuns: count('search-runs') };
  const wanted = options.stores?.split(',').map((name) => name.trim().toLowerCase());
  const results: StoreFigures[] = [];
  const skipped: Record<string, string> = {};
  for (const kind of STORE_KINDS) {
    const reason = wanted && !wanted.includes(kind.name.toLowerCase()) ? 'not in --stores' : kind.skipReason();
    if (reason) {
      skipped[kind.name] = reason;
      process.stdout.write(`${kind.name}: skipped (${reason})\n`);
      continue;
    }
    process.stdout.write(`${kind.name}: loading ${shape.messages.toLocaleString('en')} messages in batches of ${shape.batch}\n`);
    const opened = await kind.open().catch((error: unknown) => {
      throw new Error(`${kind.name}: could not open the store: ${String((error as Error)?.message ?? error)}`);
    });
    try {
      results.push(await measureStore(kind.name, opened, shape, sampling));
    } finally {
      await opened.close();
    }
  }
  process.stdout.write(`\n${table(results)}\n\n${termTable(results)}\n`);
  process.stdout.write(`\nsaved ${saveResults('storage', options.label, { shape, sampling, skipped, stores: results })}\n`);
}

const KINDS = [...new Set(SEARCH_TERMS.map(({ kind }) => kind))] as QueryKind[];

function table(results: readonly StoreFigures[]): string {
  const header = ['store', 'appends/s', 'history p95 ms', ...KINDS.map((kind) => `search p95 ms (${kind})`)];
  return formatColumns(
    header,
    results.map((row) => [row.store, Math.round(row.appendsPerSecond).toLocaleString('en'), row.historyP95Ms.toFixed(2), ...KINDS.map((kind) => row.searchP95Ms[kind].toFixed(2))]),
  );
}

function termTable(results: readonly StoreFigures[]): string {
  const header = ['term', 'hits in channel', ...results.flatMap((row) => [`${row.store} p50 ms`, `${row.store} p95 ms`])];
  const lines = SEARCH_TERMS.map(({ term }, n) => [
    term,
    String(results[0]?.terms[n].hitsInChannel ?? ''),
    ...results.flatMap((row) => [row.terms[n].p50Ms.toFixed(2), row.terms[n].p95Ms.toFixed(2)]),
  ]);
  return formatColumns(header, lines);
}

function count(name: 'messages' | 'channel-messages' | 'batch' | 'history-pages' | 'search-runs'): number {
  const value = Number(options[name]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got '${options[name]}'`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
