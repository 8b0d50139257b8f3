import { CpuMeter } from './cpu-meter';
import { addEncoded, latencyHistogram, LatencySummary, summarize } from './latency';
import { PhaseCounts, PhaseRecorder, SecondPoint } from './phase-recorder';
import { Population } from './population';
import type { ConnectResult, Tick, WorkerReport } from './protocol';
import { WorkerPool } from './worker-pool';

const DRAIN_IDLE_MS = 3_000;
const DRAIN_MAX_MS = 30_000;

export interface ConnectSummary {
  readonly clients: number;
  readonly connected: number;
  readonly failed: Record<string, number>;
  readonly wallMs: number;
  readonly latency: LatencySummary;
}

export interface PhaseResult {
  readonly name: string;
  readonly targetRate?: number;
  /** The sending window (s), and the rates over it. */
  readonly seconds: number;
  readonly counts: PhaseCounts;
  readonly sentPerSecond: number;
  readonly ackedPerSecond: number;
  readonly deliveredPerSecond: number;
  /** Expected live deliveries still missing after the drain (the final, exact count is the run's `lost`). */
  readonly undelivered: number;
  readonly ack: LatencySummary;
  readonly delivery: LatencySummary;
  /** The whole generator process (main thread and workers), and each worker thread alone; % of one core. */
  readonly generatorCpuPercent: number;
  readonly workerCpuPercent: number[];
  readonly serverCpuPercent?: number;
  readonly series: SecondPoint[];
  readonly connect?: ConnectSummary;
  readonly notes?: Record<string, unknown>;
}

/** The generator's worker threads on one population of one target, and the phases run with them. */
export class Session {
  private readonly pool: WorkerPool;
  private recorder?: PhaseRecorder;
  private readonly cpu: CpuMeter;
  /** Sockets that connected, per channel, over the whole session. */
  private readonly online: Record<string, number> = {};

  constructor(
    readonly label: string,
    readonly population: Population,
    readonly serverUrls: readonly string[],
    workers: number,
    runId: string,
    private readonly log: (line: string) => void,
  ) {
    this.pool = new WorkerPool(workers, (workerIndex) => ({ workerIndex, runId }));
    this.pool.listen((tick: Tick) => this.recorder?.add(tick));
    this.cpu = new CpuMeter(serverUrls);
  }

  private workerOf(userIndex: number): number {
    return userIndex % this.pool.size;
  }

  /** Connects the given users' clients, spread evenly over `spreadMs`. */
  async connect(userIndexes: readonly number[], spreadMs: number): Promise<ConnectSummary> {
    const started = Date.now();
    const chosen = new Set(userIndexes);
    const results = await this.pool.all<ConnectResult>((worker) => ({
      type: 'connect',
      clients: this.population.clients.filter((client) => chosen.has(client.userIndex) && this.workerOf(client.userIndex) === worker),
      spreadMs,
    }));
    const latency = latencyHistogram();
    const failed: Record<string, number> = {};
    let connected = 0;
    for (const result of results) {
      connected += result.connected;
      addEncoded(latency, result.connectHistogram);
      for (const [reason, n] of Object.entries(result.failed)) failed[reason] = (failed[reason] ?? 0) + n;
      for (const [channel, n] of Object.entries(result.connectedPerChannel)) this.online[channel] = (this.online[channel] ?? 0) + n;
    }
    await this.pool.all({ type: 'online', socketsPerChannel: this.online });
    return { clients: userIndexes.length, connected, failed, wallMs: Date.now() - started, latency: summarize(latency) };
  }

  /** Every worker sends its share of `rate` for the duration; `during` runs alongside (drops, reconnects). */
  async openLoop(name: string, rate: number, durationMs: number, rampMs: number, during?: () => Promise<Record<string, unknown>>): Promise<PhaseResult> {
    const share = rate / this.pool.size;
    return this.phase(name, rate, async () => {
      const [notes] = await Promise.all([during?.(), this.pool.all({ type: 'open-loop', rate: share, durationMs, rampMs })]);
      return notes;
    });
  }

  /** Each given user sends `count` messages, each after the previous ack. */
  closedLoop(name: string, userIndexes: readonly number[], count: number, connect?: ConnectSummary): Promise<PhaseResult> {
    return this.phase(
      name,
      undefined,
      async () => {
        await this.pool.all((worker) => ({ type: 'closed-loop', messagesPerClient: count, userIndexes: userIndexes.filter((user) => this.workerOf(user) === worker) }));
        return undefined;
      },
      connect,
    );
  }

  drop(userIndexes: readonly number[]): Promise<number[]> {
    return this.pool.all((worker) => ({ type: 'drop', userIndexes: userIndexes.filter((user) => this.workerOf(user) === worker) }));
  }

  restore(): Promise<Array<{ reconnected: number; failed: number }>> {
    return this.pool.all({ type: 'restore' });
  }

  async disconnect(userIndexes?: readonly number[]): Promise<void> {
    await this.pool.all({ type: 'disconnect', userIndexes });
  }

  /** The workers' reports summed: per channel, over the whole session, acks and the distinct run messages its sockets saw. */
  async endCheck(): Promise<WorkerReport> {
    const reports = await this.pool.all<WorkerReport>({ type: 'report' });
    const acked: Record<string, number> = {};
    const seen: Record<string, { sockets: number; seen: number }> = {};
    for (const report of reports) {
      for (const [channel, n] of Object.entries(report.acked)) acked[channel] = (acked[channel] ?? 0) + n;
      for (const [channel, entry] of Object.entries(report.seen)) {
        const total = (seen[channel] ??= { sockets: 0, seen: 0 });
        total.sockets += entry.sockets;
        total.seen += entry.seen;
      }
    }
    return {
      acked,
      seen,
      recovered: reports.reduce((sum, report) => sum + report.recovered, 0),
      recoveryFailures: reports.reduce((sum, report) => sum + report.recoveryFailures, 0),
      resent: reports.reduce((sum, report) => sum + report.resent, 0),
    };
  }

  async close(): Promise<void> {
    await this.disconnect().catch(() => undefined);
    await this.pool.close();
  }

  private async phase(name: string, targetRate: number | undefined, body: () => Promise<Record<string, unknown> | undefined>, connect?: ConnectSummary): Promise<PhaseResult> {
    await this.pool.flush(); // counts of earlier phases stay with them
    const recorder = new PhaseRecorder();
    this.recorder = recorder;
    await this.cpu.start();
    const progress = setInterval(() => void this.progress(name, recorder), 1000);
    let notes: Record<string, unknown> | undefined;
    let seconds: number;
    try {
      notes = await body();
      seconds = recorder.elapsedSeconds;
      await this.pool.stopSending();
      await this.drain(recorder);
    } finally {
      clearInterval(progress);
    }
    const cpu = await this.cpu.read();
    const counts = recorder.counts;
    return {
      name,
      targetRate,
      seconds,
      counts,
      sentPerSecond: counts.sent / seconds,
      ackedPerSecond: counts.acked / seconds,
      deliveredPerSecond: counts.deliveredLive / seconds,
      undelivered: Math.max(0, counts.expectedLive - counts.deliveredLive),
      ack: summarize(recorder.ack),
      delivery: summarize(recorder.delivery),
      generatorCpuPercent: cpu.generatorPercent,
      workerCpuPercent: recorder.workerCpuMs.map((ms) => Math.round((ms / 10 / recorder.elapsedSeconds) * 10) / 10),
      serverCpuPercent: cpu.serverPercent,
      series: recorder.series(),
      connect,
      notes,
    };
  }

  /** Waits for deliveries still on their way: until all expected are in, or none came for a while. */
  private async drain(recorder: PhaseRecorder): Promise<void> {
    const deadline = Date.now() + DRAIN_MAX_MS;
    let last = -1;
    let lastChange = Date.now();
    while (Date.now() < deadline) {
      await this.pool.flush();
      const { deliveredLive, expectedLive } = recorder.counts;
      if (deliveredLive >= expectedLive) return;
      if (deliveredLive !== last) {
        last = deliveredLive;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > DRAIN_IDLE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async progress(name: string, recorder: PhaseRecorder): Promise<void> {
    const second = recorder.lastSecond();
    if (!second) return;
    const cpu = await this.cpu.read();
    const counts = recorder.counts;
    this.log(
      `[${this.label} ${name}] ${second.second + 1}s  sent ${second.sent}/s  acked ${second.acked}/s  delivered ${second.delivered}/s  ` +
        `ack p99 ${second.ack.p99Ms.toFixed(1)} ms  delivery p99 ${second.delivery.p99Ms.toFixed(1)} ms  rejected ${recorder.rejectedTotal()}  dup ${counts.duplicated}  ` +
        `ooo ${counts.outOfOrder}  generator CPU ${cpu.generatorPercent}% (workers ${recorder.workerCpuMs.map((ms) => `${Math.round(ms / 10 / recorder.elapsedSeconds)}%`).join(' ')})  server CPU ${cpu.serverPercent ?? '?'}%`,
    );
  }
}
