import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

interface RunTotals {
  sent: number;
  acked: number;
  rejected: Record<string, number>;
  failedConnects: number;
  disconnects: Record<string, number>;
  stored: number;
  storedNotAcked: number;
  ackedNotStored: number;
  storedDuplicates: number;
  expectedDeliveries: number;
  seenDeliveries: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  recovered: number;
  resent: number;
}
interface SavedRun {
  runId: string;
  runs: Array<{ target: string; totals: RunTotals; phases: Array<{ delivery: { count: number }; ack: { count: number }; series: unknown[] }> }>;
}

const REPO = join(__dirname, '..');

/** `npm run bench:chat` as a child process (tsx, as the npm script runs it); resolves with its output. */
function runBench(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench/chat.ts'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`bench:chat exited with ${code}:\n${output}`))));
  });
}

// A few seconds of the load generator at a low rate against the embedded server (SQLite, in-process
// bus) running in this process; the benchmarks themselves are not part of npm test.
describe('bench:chat smoke run (embedded: SQLite, in-process bus)', () => {
  let server: TestApp;
  let out: string;

  beforeAll(async () => {
    server = await startTestApp({}, { listen: true });
    out = mkdtempSync(join(tmpdir(), 'webchat-bench-chat-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const savedRun = (scenario: string): { json: SavedRun; html: string } => {
    const files = readdirSync(out).filter((file) => file.includes(`-${scenario}`));
    const json = files.find((file) => file.endsWith('.json'));
    const html = files.find((file) => file.endsWith('.html'));
    expect(json && html).toBeTruthy();
    return { json: JSON.parse(readFileSync(join(out, json as string), 'utf8')) as SavedRun, html: readFileSync(join(out, html as string), 'utf8') };
  };

  const expectClean = (totals: RunTotals) => {
    expect(totals.failedConnects).toBe(0);
    expect(totals.disconnects).toEqual({});
    expect(totals.sent).toBeGreaterThan(0);
    expect(totals.rejected).toEqual({});
    expect(totals.acked).toBe(totals.sent);
    expect(totals.stored).toBe(totals.acked);
    expect({ storedNotAcked: totals.storedNotAcked, ackedNotStored: totals.ackedNotStored, storedDuplicates: totals.storedDuplicates }).toEqual({ storedNotAcked: 0, ackedNotStored: 0, storedDuplicates: 0 });
    expect({ lost: totals.lost, duplicated: totals.duplicated, outOfOrder: totals.outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(totals.seenDeliveries).toBe(totals.expectedDeliveries);
  };

  it('steady at a low rate: every send acked, stored once and delivered once, in order, to every member; JSON and HTML written', async () => {
    const output = await runBench(['--scenario', 'steady', '--url', server.url, '--users', '20', '--channels', '10', '--rate', '40', '--duration', '3', '--workers', '2', '--out', out]);
    expect(output).toContain('[webchat steady]'); // the progress line
    const { json, html } = savedRun('steady');
    const [run] = json.runs;
    expect(run.target).toBe('webchat');
    expectClean(run.totals);
    // Both members of each two-member channel get every message: two deliveries per stored message.
    expect(run.totals.expectedDeliveries).toBe(2 * run.totals.stored);
    expect(run.phases[0].ack.count).toBe(run.totals.acked);
    expect(run.phases[0].delivery.count).toBe(run.totals.seenDeliveries);
    expect(run.phases[0].series.length).toBeGreaterThanOrEqual(3);
    // Self-contained: chart.js inlined, nothing fetched.
    expect(html).toContain('new Chart(');
    expect(html).not.toMatch(/<script[^>]+src=/);
    // --out took the files: nothing of this run in bench/results.
    const results = join(REPO, 'bench/results');
    const ours = existsSync(results) ? readdirSync(results).filter((file) => readFileSync(join(results, file), 'utf8').includes(json.runId)) : [];
    expect(ours).toEqual([]);
  }, 30_000);
});
