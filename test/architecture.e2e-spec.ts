import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '..');
const DEPCRUISE = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the project's layer rules on a made-up tree, to prove they catch what they promise to. */
function cruise(files: Record<string, string>, folders = ['libs']): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'webchat-layers-'));
  try {
    copyFileSync(join(REPO, '.dependency-cruiser.cjs'), join(root, '.dependency-cruiser.cjs'));
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@webchat/other': ['libs/other/src'] } } }));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const run = spawnSync(process.execPath, [DEPCRUISE, ...folders, '--config', '.dependency-cruiser.cjs'], { cwd: root, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const cleanLibrary = {
  'libs/demo/src/domain/thing.ts': 'export interface Thing { id: string }\n',
  'libs/demo/src/application/ports/thing-store.port.ts': "import { Thing } from '../../domain/thing';\nexport abstract class ThingStore { abstract get(id: string): Promise<Thing> }\n",
  'libs/demo/src/adapters/out/memory-thing-store.ts': "import { ThingStore } from '../../application/ports/thing-store.port';\nimport { Other } from '@webchat/other';\nexport class MemoryThingStore extends ThingStore { async get(id: string) { return { id: String(Other) + id }; } }\n",
  'libs/other/src/index.ts': "export { Other } from './internal';\n",
  'libs/other/src/internal.ts': 'export const Other = 1;\n',
};

describe('layer rules (dependency-cruiser)', () => {
  it('pass a library that keeps them', () => {
    const result = cruise(cleanLibrary);
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it('fail when domain/ imports a driver, application/ imports Nest, or a library reaches into another', () => {
    const result = cruise({
      ...cleanLibrary,
      'libs/demo/src/domain/leaky.ts': "import { Repository } from 'typeorm';\nexport type R = Repository<object>;\n",
      'libs/demo/src/application/framework-bound.use-case.ts': "import { Injectable } from '@nestjs/common';\nexport const I = Injectable;\n",
      'libs/demo/src/adapters/in/sneaky.ts': "import { Other } from '../../../../other/src/internal';\nexport const S = Other;\n",
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/domain-is-pure: libs\/demo\/src\/domain\/leaky\.ts → .*typeorm/);
    expect(result.output).toMatch(/application-without-frameworks: libs\/demo\/src\/application\/framework-bound\.use-case\.ts → .*@nestjs/);
    expect(result.output).toMatch(/only-through-public-face: libs\/demo\/src\/adapters\/in\/sneaky\.ts → libs\/other\/src\/internal\.ts/);
  });

  it('keep the web client apart: it imports no library or server code, nothing imports it, and none of its modules is dead', () => {
    const result = cruise(
      {
        ...cleanLibrary,
        'apps/web/src/main.tsx': "import { App } from './App';\nexport const main = App;\n",
        'apps/web/src/App.tsx': "import { Other } from '../../../libs/other/src/index';\nexport const App = Other;\n",
        'apps/web/src/forgotten.ts': 'export const forgotten = 1;\n',
        'apps/server/src/serves-web.ts': "import { App } from '../../web/src/App';\nexport const S = App;\n",
      },
      ['libs', 'apps'],
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/web-client-stands-alone: apps\/web\/src\/App\.tsx → libs\/other\/src\/index\.ts/);
    expect(result.output).toMatch(/nobody-imports-the-web-client: apps\/server\/src\/serves-web\.ts → apps\/web\/src\/App\.tsx/);
    expect(result.output).toMatch(/web-client-not-orphaned: apps\/web\/src\/forgotten\.ts/);
    expect(result.output).not.toMatch(/main\.tsx/);
  });
});
