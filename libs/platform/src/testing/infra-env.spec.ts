import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInfraEnv } from './infra-env';

describe('loadInfraEnv', () => {
  const names = ['WEBCHAT_T_FROM_FILE', 'WEBCHAT_T_ALREADY_SET', 'WEBCHAT_T_WITH_EQUALS'];
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-env-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const name of names) delete process.env[name];
  });

  it('sets the variables of the file, keeps any already set, and ignores lines that are not KEY=value', () => {
    const file = join(dir, 'env');
    writeFileSync(
      file,
      ['WEBCHAT_T_FROM_FILE=mysql://u:p@127.0.0.1:3306/db', 'WEBCHAT_T_ALREADY_SET=from-file', 'WEBCHAT_T_WITH_EQUALS=a=b', '# a comment', 'lower=case', ''].join('\n'),
    );
    process.env.WEBCHAT_T_ALREADY_SET = 'mine';

    loadInfraEnv(file);

    expect(process.env.WEBCHAT_T_FROM_FILE).toBe('mysql://u:p@127.0.0.1:3306/db');
    expect(process.env.WEBCHAT_T_ALREADY_SET).toBe('mine');
    expect(process.env.WEBCHAT_T_WITH_EQUALS).toBe('a=b');
    expect(process.env.lower).toBeUndefined();
  });

  it('does nothing when infra:up never ran', () => {
    expect(() => loadInfraEnv(join(dir, 'missing'))).not.toThrow();
  });
});
