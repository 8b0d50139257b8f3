import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { leaseSizeFor, PointCounter, PointLeases } from './point-leases';

/** A shared counter (in memory here) that records how often it is asked, as a database would be. */
class CountedStore implements PointCounter {
  calls = 0;
  private readonly limiter: RateLimiterMemory;
  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }
  get points(): number {
    return this.limiter.points;
  }
  consume(key: string, points = 1): Promise<RateLimiterRes> {
    this.calls += 1;
    return this.limiter.consume(key, points);
  }
  get(key: string): Promise<RateLimiterRes | null> {
    return this.limiter.get(key);
  }
}

async function admitted(counter: PointCounter, key: string, attempts: number): Promise<number> {
  const outcomes = await Promise.allSettled(Array.from({ length: attempts }, () => counter.consume(key)));
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RateLimiterRes);
  }
  return outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
}

describe('PointLeases', () => {
  it('sizes leases at 2% of the limit, from 1 to 10', () => {
    expect([1, 8, 49, 100, 500, 1_000_000].map(leaseSizeFor)).toEqual([1, 1, 1, 2, 10, 10]);
  });

  it('asks the shared store once per lease, also for requests that arrive together', async () => {
    const store = new CountedStore(500, 60);
    const node = new PointLeases(store, 10);
    expect(await admitted(node, 'u', 95)).toBe(95);
    expect(store.calls).toBe(10);
    expect((await store.get('u'))?.consumedPoints).toBe(100);
  });

  it('never admits more than the shared limit across nodes, and strands at most leaseSize - 1 per node', async () => {
    const store = new CountedStore(100, 60);
    const nodes = [new PointLeases(store, 10), new PointLeases(store, 10), new PointLeases(store, 10)];
    const perNode = await Promise.all(nodes.map((node) => admitted(node, 'u', 60)));
    const total = perNode.reduce((sum, count) => sum + count, 0);
    expect(total).toBeLessThanOrEqual(100);
    expect(total).toBeGreaterThanOrEqual(100 - 3 * 9);
  });

  it('refuses with the time left in the window, without asking the store again, and leases anew once it ends', async () => {
    const store = new CountedStore(4, 0.3);
    const node = new PointLeases(store, 2);
    expect(await admitted(node, 'u', 4)).toBe(4);
    const calls = store.calls;
    const refusal = await node.consume('u').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeLessThanOrEqual(300);
    await node.consume('u').catch(() => undefined);
    expect(store.calls).toBe(calls + 1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await admitted(node, 'u', 4)).toBe(4);
  });

  it('keeps keys apart', async () => {
    const node = new PointLeases(new CountedStore(3, 60), 1);
    expect(await admitted(node, 'a', 5)).toBe(3);
    expect(await admitted(node, 'b', 5)).toBe(3);
  });
});
