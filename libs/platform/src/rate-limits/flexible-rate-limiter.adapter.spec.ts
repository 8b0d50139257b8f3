import { RateLimitRules } from '../config/app-config';
import { RateLimitedError } from '../kernel';
import { memoryRateLimiter } from './flexible-rate-limiter.adapter';

const rules = (overrides: Partial<RateLimitRules>): RateLimitRules => ({
  'login-failures-per-account': null,
  'login-failures-per-address': null,
  'channel-password-failures': null,
  'rest-requests-per-user': null,
  ...overrides,
});

async function refusalOf(work: Promise<unknown>): Promise<RateLimitedError> {
  const outcome = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(RateLimitedError);
  return outcome as RateLimitedError;
}

describe('FlexibleRateLimiter (in memory)', () => {
  it('lets `points` events of a key through per window, then refuses with the seconds left', async () => {
    const limiter = memoryRateLimiter(rules({ 'rest-requests-per-user': { points: 3, windowSeconds: 60 } }));
    for (let i = 0; i < 3; i += 1) await limiter.consume('rest-requests-per-user', 'u1');
    const refusal = await refusalOf(limiter.consume('rest-requests-per-user', 'u1'));
    expect(refusal).toMatchObject({ kind: 'RATE_LIMITED', message: 'Too many requests; slow down' });
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
    await limiter.consume('rest-requests-per-user', 'u2');
  });

  it('checks a key without counting it, and refuses once the key is used up', async () => {
    const limiter = memoryRateLimiter(rules({ 'channel-password-failures': { points: 2, windowSeconds: 60 } }));
    for (let i = 0; i < 5; i += 1) await limiter.ensureAvailable('channel-password-failures', 'k');
    await limiter.consume('channel-password-failures', 'k');
    await limiter.ensureAvailable('channel-password-failures', 'k');
    await limiter.consume('channel-password-failures', 'k');
    const refusal = await refusalOf(limiter.ensureAvailable('channel-password-failures', 'k'));
    expect(refusal.message).toBe('Too many wrong passwords for this channel; try again later');
  });

  it('keeps limits apart: the same key under another limit has its own count', async () => {
    const limiter = memoryRateLimiter(
      rules({ 'login-failures-per-account': { points: 1, windowSeconds: 60 }, 'login-failures-per-address': { points: 1, windowSeconds: 60 } }),
    );
    await limiter.consume('login-failures-per-account', 'same');
    await limiter.consume('login-failures-per-address', 'same');
    await refusalOf(limiter.consume('login-failures-per-account', 'same'));
  });

  it('starts a new window once the old one is over', async () => {
    const limiter = memoryRateLimiter(rules({ 'rest-requests-per-user': { points: 1, windowSeconds: 0.2 } }));
    await limiter.consume('rest-requests-per-user', 'u');
    expect((await refusalOf(limiter.consume('rest-requests-per-user', 'u'))).retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await limiter.consume('rest-requests-per-user', 'u');
  });

  it('never refuses under a limit that is switched off', async () => {
    const limiter = memoryRateLimiter(rules({}));
    for (let i = 0; i < 1000; i += 1) await limiter.consume('rest-requests-per-user', 'u');
    await limiter.ensureAvailable('rest-requests-per-user', 'u');
  });
});
