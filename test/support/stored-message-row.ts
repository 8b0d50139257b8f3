import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MESSAGES_SQLITE_FILE } from '@webchat/chat';
import { AppConfig } from '@webchat/platform';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

export interface RawMessageRow {
  text: string;
  edited: boolean;
  deleted: boolean;
}

/**
 * A message's row read straight from the app's message database, around the app's own code:
 * MariaDB's `messages` table, or the SQLite message file on a connection of its own.
 */
export async function storedMessageRow(t: TestApp, id: string): Promise<RawMessageRow | undefined> {
  const config = t.app.get(AppConfig);
  const sql = 'SELECT text, edited_at IS NOT NULL AS edited, deleted_at IS NOT NULL AS deleted FROM messages WHERE id = ?';
  let row: { text: string; edited: number | string; deleted: number | string } | undefined;
  if (config.messageStore === 'mysql') [row] = await t.app.get(DataSource).query(sql, [id]);
  else if (config.messageStore === 'sqlite') {
    const file = new Database(join(config.dataDir, MESSAGES_SQLITE_FILE), { readonly: true });
    try {
      row = file.prepare(sql).get(id) as typeof row;
    } finally {
      file.close();
    }
  } else throw new Error(`no raw reader for the ${config.messageStore} message store`);
  return row && { text: row.text, edited: Number(row.edited) === 1, deleted: Number(row.deleted) === 1 };
}
