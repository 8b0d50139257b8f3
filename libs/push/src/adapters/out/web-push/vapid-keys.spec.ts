import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveVapidKeys } from './vapid-keys';

describe('resolveVapidKeys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'vapid-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('generates a pair once, keeps it in the data folder (owner-only) and answers it again', () => {
    const first = resolveVapidKeys({}, dataDir);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32);
    expect(resolveVapidKeys({}, dataDir)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dataDir, 'vapid-keys.json'), 'utf8'))).toEqual(first);
    expect(statSync(join(dataDir, 'vapid-keys.json')).mode & 0o777).toBe(0o600);
  });

  it('answers the configured pair and writes nothing', () => {
    const configured = { publicKey: 'configured-public', privateKey: 'configured-private' };
    expect(resolveVapidKeys(configured, dataDir)).toEqual(configured);
    expect(() => statSync(dataDir)).toThrow();
  });
});
