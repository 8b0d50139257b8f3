import { AppConfig, Clock } from '@webchat/platform';
import type { FastifyReply } from 'fastify';
import { IdempotencyStore, StoredAnswer } from '../../../application/ports/idempotency-store.port';
import { IdempotencyInProgressError } from '../../../domain/idempotency.errors';
import { InsufficientFundsError, WalletBusyError } from '../../../domain/wallet.errors';
import { WalletMetrics } from '../../out/metrics/wallet-metrics';
import { IdempotentAnswers } from './idempotent-answers';

function recordingStore() {
  const calls: { completed: StoredAnswer[]; released: number } = { completed: [], released: 0 };
  const store: IdempotencyStore = {
    start: () => Promise.resolve({ kind: 'CLAIMED', claim: { id: 'c', token: 't' } }),
    complete: (_, answer) => {
      calls.completed.push(answer);
      return Promise.resolve(true);
    },
    release: () => {
      calls.released += 1;
      return Promise.resolve();
    },
    purgeClaimedBefore: () => Promise.resolve(0),
  };
  return { store, calls };
}

const clock: Clock = { now: () => new Date() };
const metrics = { answered: () => undefined } as unknown as WalletMetrics;
const config = { jwtSecret: 'x'.repeat(40), dataDir: '/nonexistent' } as AppConfig;
const response = { status: () => response, header: () => response, getHeader: () => undefined } as unknown as FastifyReply;
const request = { kind: 'transfer' as const, userId: 'u', route: 'POST /api/transfers', key: 'k', fingerprintOf: { amount: 1 } };

describe('IdempotentAnswers', () => {
  it('keeps a 4xx answer in the error shape', async () => {
    const { store, calls } = recordingStore();
    const answers = new IdempotentAnswers(store, clock, config, metrics);
    await expect(answers.answer(request, response, () => Promise.reject(new InsufficientFundsError()), String)).rejects.toThrow(InsufficientFundsError);
    expect(calls).toEqual({ completed: [{ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Insufficient funds' } }], released: 0 });
  });

  it('releases the key after a 503 or a fault, so a retry with it runs', async () => {
    const { store, calls } = recordingStore();
    const answers = new IdempotentAnswers(store, clock, config, metrics);
    await expect(answers.answer(request, response, () => Promise.reject(new WalletBusyError()), String)).rejects.toThrow(WalletBusyError);
    await expect(answers.answer(request, response, () => Promise.reject(new Error('boom')), String)).rejects.toThrow('boom');
    expect(calls).toEqual({ completed: [], released: 2 });
  });

  it('keeps nothing when its claim was taken over (the other attempt answers for the key)', async () => {
    const { store, calls } = recordingStore();
    const answers = new IdempotentAnswers(store, clock, config, metrics);
    await expect(answers.answer(request, response, () => Promise.reject(new IdempotencyInProgressError()), String)).rejects.toThrow(IdempotencyInProgressError);
    expect(calls).toEqual({ completed: [], released: 0 });
  });
});
