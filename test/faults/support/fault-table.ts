import { loadavg } from 'node:os';
import { ChatTally } from './chat-load';
import { Recovery } from './chat-load-group';
import { HistoryVerdict } from './stored-history-check';

/** One line of the table the suite prints: what the load saw through one fault. */
export interface FaultRow {
  readonly fault: string;
  readonly chat: ChatTally;
  /** How long new messages were sent (steady, fault, recovery); the rest of the phase only resends. */
  readonly producingSeconds: number;
  readonly verdict: HistoryVerdict;
  readonly recovery?: Recovery;
  readonly transfers: { asked: number; done: number; retried: number };
  readonly load: string;
}

/** The counts between two tallies (one fault's share of the cumulative ones). */
export function tallySince(before: ChatTally, after: ChatTally): ChatTally {
  const share = { ...after };
  for (const key of Object.keys(share) as (keyof ChatTally)[]) share[key] -= before[key];
  return share;
}

export function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

export function formatFaultTable(rows: readonly FaultRow[]): string {
  const head = ['fault', 'sent', 'msg/s', 'acked', 'unacked', 'resent', 'recovered', 'dup', 'gaps', 'first ack s', 'all channels s', 'transfers ok/asked (retried)', 'load avg 1/5/15'];
  const lines = rows.map((row) => [
    row.fault,
    row.chat.sent,
    (row.chat.sent / row.producingSeconds).toFixed(0),
    row.chat.acked,
    row.chat.unacked,
    row.chat.resent,
    row.chat.recovered,
    row.verdict.duplicates,
    row.verdict.gaps,
    row.recovery ? row.recovery.firstAckSeconds.toFixed(1) : 'never',
    row.recovery ? row.recovery.everyChannelSeconds.toFixed(1) : 'never',
    `${row.transfers.done}/${row.transfers.asked} (${row.transfers.retried})`,
    row.load,
  ].map(String));
  const widths = head.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(head), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}
