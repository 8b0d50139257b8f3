/**
 * CPU time of the generator (this process: main thread and workers together; Node 20 has no
 * per-thread figure) and of the server nodes (their `process_cpu_seconds_total` on /metrics,
 * so it works for a server given by --url too).
 */
export class CpuMeter {
  private generatorStart = process.cpuUsage();
  private serverStart = 0;
  private wallStart = Date.now();

  constructor(private readonly serverUrls: readonly string[]) {}

  async start(): Promise<void> {
    this.generatorStart = process.cpuUsage();
    this.serverStart = await this.serverSeconds();
    this.wallStart = Date.now();
  }

  /** Percent of one core since start(): 200 means two cores busy. `server` is undefined when /metrics does not answer. */
  async read(): Promise<{ generatorPercent: number; serverPercent?: number }> {
    const wall = (Date.now() - this.wallStart) / 1000;
    const used = process.cpuUsage(this.generatorStart);
    const server = await this.serverSeconds().catch(() => NaN);
    const generatorPercent = round(((used.user + used.system) / 1e6 / wall) * 100);
    return { generatorPercent, serverPercent: Number.isNaN(server) ? undefined : round(((server - this.serverStart) / wall) * 100) };
  }

  private async serverSeconds(): Promise<number> {
    let total = 0;
    for (const url of this.serverUrls) {
      const text = await (await fetch(`${url}/metrics`)).text();
      const match = /^process_cpu_seconds_total(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(text);
      if (!match) return NaN;
      total += Number(match[1]);
    }
    return total;
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
