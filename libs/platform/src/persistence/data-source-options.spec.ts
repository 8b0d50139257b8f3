import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { sqliteOptions } from './data-source-options';

describe('sqliteOptions', () => {
  it('opens the file in WAL mode with synchronous=FULL, so a commit survives a power cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-options-'));
    const dataSource = await new DataSource({ ...sqliteOptions(join(dir, 'test.sqlite')), entities: [] }).initialize();
    try {
      const [{ journal_mode: journal }] = await dataSource.query('PRAGMA journal_mode');
      const [{ synchronous }] = await dataSource.query('PRAGMA synchronous');
      expect(journal).toBe('wal');
      expect(synchronous).toBe(2); // 2 = FULL
    } finally {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
