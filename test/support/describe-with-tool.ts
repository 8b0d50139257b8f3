import { spawnSync } from 'node:child_process';

export interface Tool {
  /** What the messages call it. */
  readonly name: string;
  readonly binary: string;
  /** Set to 1 (CI) to make a missing tool a failed test instead of a skipped suite. */
  readonly requireFlag: string;
}

export function toolRuns(tool: Tool): boolean {
  const probe = spawnSync(tool.binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return probe.status === 0;
}

/** `describe` when the command-line tool runs here; a visible skip when it does not, a failure when it is required. */
export function describeWithTool(tool: Tool, name: string, body: () => void): void {
  if (toolRuns(tool)) {
    describe(`${name} [${tool.binary}]`, body);
    return;
  }
  if (process.env[tool.requireFlag] === '1') {
    describe(name, () => {
      it(`has ${tool.name}`, () => {
        throw new Error(`${tool.requireFlag}=1 but ${tool.binary} does not run (npm run infra:up installs it)`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}": ${tool.name} (${tool.binary}) does not run here`);
  describe.skip(`${name} [${tool.name}: not installed, skipped]`, body);
}
