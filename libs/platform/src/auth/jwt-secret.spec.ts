import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'webchat-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses JWT_SECRET when it is set, writing nothing', () => {
    const configured = 'x'.repeat(40);
    expect(resolveJwtSecret(configured, dataDir)).toBe(configured);
    expect(() => statSync(join(dataDir, 'jwt-secret'))).toThrow();
  });

  it('generates a long random secret once, keeps it private in the data folder and reuses it', () => {
    const first = resolveJwtSecret(undefined, join(dataDir, 'nested'));
    expect(first.length).toBeGreaterThanOrEqual(64);
    const file = join(dataDir, 'nested', 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveJwtSecret(undefined, join(dataDir, 'nested'))).toBe(first);
    const elsewhere = mkdtempSync(join(tmpdir(), 'webchat-secret-'));
    expect(resolveJwtSecret(undefined, elsewhere)).not.toBe(first);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
