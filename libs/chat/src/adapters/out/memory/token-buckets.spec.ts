import { Clock } from '@webchat/platform/kernel';
import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = { now: () => new Date(now) } as Clock;

  it('lets a burst through at once, then refills at the rate, per key, and says how long to wait', () => {
    now = 1_000_000;
    const buckets = new TokenBuckets(2, 3, clock);
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([0, 0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
    now += 500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([0, 0, 0, 1]);
  });

  it('rounds a wait up to whole seconds, at least 1', () => {
    now = 5_000_000;
    const slow = new TokenBuckets(0.1, 1, clock);
    expect(slow.take('a')).toBe(0);
    expect(slow.take('a')).toBe(10);
  });
});
