import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Command, Tick, WorkerMessage, WorkerSetup } from './protocol';

/** The generator's worker threads: commands to all of them, their ticks to one listener. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private onTick: (tick: Tick) => void = () => undefined;

  constructor(count: number, setup: (workerIndex: number) => WorkerSetup) {
    this.workers = Array.from({ length: count }, (_, index) => {
      const worker = new Worker(join(__dirname, 'worker-entry.js'), { workerData: setup(index) });
      worker.on('message', (message: WorkerMessage) => this.receive(message));
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  listen(onTick: (tick: Tick) => void): void {
    this.onTick = onTick;
  }

  /** One command to one worker; resolves with its answer. */
  ask<T>(workerIndex: number, command: Command): Promise<T> {
    const id = (this.nextId += 1);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.workers[workerIndex].postMessage({ id, command });
    });
  }

  /** The same command to every worker (or one built per worker). */
  all<T>(command: Command | ((workerIndex: number) => Command)): Promise<T[]> {
    return Promise.all(this.workers.map((_, index) => this.ask<T>(index, typeof command === 'function' ? command(index) : command)));
  }

  /** Asks every worker for its counts now (the answer is fed to the tick listener too). */
  async flush(): Promise<Tick[]> {
    const ticks = await this.all<Tick>({ type: 'flush' });
    for (const tick of ticks) this.onTick(tick);
    return ticks;
  }

  async stopSending(): Promise<void> {
    for (const tick of await this.all<Tick>({ type: 'stop-sending' })) this.onTick(tick);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'tick') {
      this.onTick(message.tick);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  }
}
