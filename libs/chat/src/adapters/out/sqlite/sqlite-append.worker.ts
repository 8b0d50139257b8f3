import { parentPort, workerData } from 'node:worker_threads';
import { openMessageDatabase } from './open-message-database';
import { sqliteAppender, sqliteChanger } from './sqlite-append';
import type { AppendReply, AppendRequest } from './sqlite-append-thread';

// The thread of SqliteAppendThread: its own connection (WAL, synchronous=FULL) to the message file.
const db = openMessageDatabase((workerData as { file: string }).file);
const append = sqliteAppender(db);
const change = sqliteChanger(db);

parentPort?.on('message', (request: AppendRequest | 'close') => {
  if (request === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let reply: AppendReply;
  try {
    reply = { id: request.id, outcomes: 'drafts' in request ? append(request.drafts) : change(request.changes) };
  } catch (error) {
    reply = { id: request.id, error: { name: (error as Error).name, message: (error as Error).message } };
  }
  parentPort?.postMessage(reply);
});
