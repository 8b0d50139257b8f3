import { retryOnDeadlock } from './retry-on-deadlock';

const deadlock = () => Object.assign(new Error('Deadlock found'), { driverError: { code: 'ER_LOCK_DEADLOCK' } });

describe('retryOnDeadlock', () => {
  it('runs the work again after a deadlock, and answers its result', async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      calls += 1;
      if (calls < 3) throw deadlock();
      return 'done';
    });
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('gives up after the last attempt, and never retries another error', async () => {
    let calls = 0;
    await expect(retryOnDeadlock(async () => ((calls += 1), Promise.reject(deadlock())), 4)).rejects.toThrow('Deadlock found');
    expect(calls).toBe(4);
    calls = 0;
    await expect(retryOnDeadlock(async () => ((calls += 1), Promise.reject(new Error('duplicate'))))).rejects.toThrow('duplicate');
    expect(calls).toBe(1);
  });
});
