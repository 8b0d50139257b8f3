import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppendOutcome } from '../../../application/ports/message-store.port';
import { MessageDraft } from '../../../domain/message';
import { ChangeOutcome, MessageChange } from '../../../domain/message-change';

/** A batch for the thread: drafts to append, or edits and deletes to apply. */
export type AppendRequest = { readonly id: number } & ({ readonly drafts: readonly MessageDraft[] } | { readonly changes: readonly MessageChange[] });

export type AppendReply =
  | { readonly id: number; readonly outcomes: AppendOutcome[] | ChangeOutcome[] }
  | { readonly id: number; readonly error: { name: string; message: string } };

type Waiter = { resolve(outcomes: AppendOutcome[] | ChangeOutcome[]): void; reject(error: Error): void };

/**
 * appendBatch (and applyChanges) on a worker thread with a connection of its own. The commit's
 * fsync (synchronous=FULL) took 5-7 s of the event loop in a 40 s k6 spike on this shared disk:
 * here it blocks only the worker, and the event loop goes on reading sends (the next batch grows
 * meanwhile) and writing acks. The worker takes one batch at a time, in the order they were given,
 * so changes stay in log order with the appends; a batch is acked only after its commit returned,
 * as before. A worker that died is replaced at the next batch.
 */
export class SqliteAppendThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly file: string) {}

  append(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    return this.run({ drafts }) as Promise<AppendOutcome[]>;
  }

  applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    return this.run({ changes }) as Promise<ChangeOutcome[]>;
  }

  /** The worker closes its connection after the batches given before, then ends. */
  close(): void {
    this.closed = true;
    this.worker?.postMessage('close');
  }

  private run(work: { drafts: readonly MessageDraft[] } | { changes: readonly MessageChange[] }): Promise<AppendOutcome[] | ChangeOutcome[]> {
    if (this.closed) return Promise.reject(new Error('the message store is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...work } satisfies AppendRequest);
    });
  }

  private start(): Worker {
    // Under ts-jest or tsx the worker is TypeScript, which a worker thread cannot load by itself.
    const entry = join(__dirname, `sqlite-append.worker${extname(__filename)}`);
    const code = `${entry.endsWith('.ts') ? "require('tsx/cjs/api').register();" : ''}require(${JSON.stringify(entry)});`;
    const worker = new Worker(code, { eval: true, workerData: { file: this.file } });
    worker.unref(); // the server's sockets keep the process alive, not this thread
    worker.on('message', (reply: AppendReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      else waiter?.resolve(reply.outcomes);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the message store thread ended')));
    this.worker = worker;
    return worker;
  }
}
