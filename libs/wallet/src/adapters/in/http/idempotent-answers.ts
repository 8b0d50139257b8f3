import { createHmac } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, Clock, DOMAIN_ERROR_STATUS, DomainError, errorBody, resolveJwtSecret } from '@webchat/platform';
import type { FastifyReply } from 'fastify';
import { IdempotencyClaim, IdempotencyStore, MoveReceipt } from '../../../application/ports/idempotency-store.port';
import { IdempotencyInProgressError, IdempotencyKeyReusedError } from '../../../domain/idempotency.errors';
import { InsufficientFundsError, WalletBusyError } from '../../../domain/wallet.errors';
import { MoneyRequestKind, RequestOutcome, WalletMetrics } from '../../out/metrics/wallet-metrics';

export interface IdempotentRequest {
  readonly kind: MoneyRequestKind;
  readonly userId: string;
  /** The route template with its path parameters filled in is part of the body's fingerprint, not of the scope. */
  readonly route: string;
  readonly key: string;
  readonly fingerprintOf: unknown;
}

/**
 * Runs a money move at most once per (user, route, Idempotency-Key). The 201 is recorded by the
 * move's own transaction (through the receipt); a 4xx is recorded after it; anything else
 * releases the key so the client may retry. Replays answer the stored status and body.
 */
@Injectable()
export class IdempotentAnswers {
  /** Bodies carry wallet passwords: fingerprints are keyed (HMAC), so a stored one cannot be brute-forced offline. */
  private readonly fingerprintKey: Buffer;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    config: AppConfig,
    private readonly metrics: WalletMetrics,
  ) {
    const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    this.fingerprintKey = createHmac('sha256', secret).update('idempotency-fingerprint').digest();
  }

  async answer<T>(
    request: IdempotentRequest,
    response: FastifyReply,
    run: (receipt: MoveReceipt<T>) => Promise<T>,
    present: (result: T) => unknown,
  ): Promise<unknown> {
    try {
      const body = await this.answerOnce(request, response, run, present);
      this.metrics.answered(request.kind, response.getHeader('Idempotent-Replayed') ? 'replayed' : 'succeeded');
      return body;
    } catch (error) {
      this.metrics.answered(request.kind, outcomeOf(error));
      throw error;
    }
  }

  private async answerOnce<T>(
    request: IdempotentRequest,
    response: FastifyReply,
    run: (receipt: MoveReceipt<T>) => Promise<T>,
    present: (result: T) => unknown,
  ): Promise<unknown> {
    const scope = { userId: request.userId, route: request.route, key: request.key };
    const start = await this.store.start(scope, fingerprint(this.fingerprintKey, request.fingerprintOf), this.clock.now());
    if (start.kind === 'OTHER_REQUEST') throw new IdempotencyKeyReusedError();
    if (start.kind === 'IN_PROGRESS') throw new IdempotencyInProgressError();
    if (start.kind === 'REPLAY') {
      response.status(start.answer.status);
      response.header('Idempotent-Replayed', 'true');
      return start.answer.body;
    }
    try {
      const result = await run({ claim: start.claim, answer: (value) => ({ status: HttpStatus.CREATED, body: present(value) }) });
      response.status(HttpStatus.CREATED);
      return present(result);
    } catch (error) {
      await this.settle(start.claim, error);
      throw error;
    }
  }

  private async settle(claim: IdempotencyClaim, error: unknown): Promise<void> {
    // The claim went to a take-over, which answers for the key: this attempt keeps nothing.
    if (error instanceof IdempotencyInProgressError) return;
    const status = error instanceof DomainError ? DOMAIN_ERROR_STATUS[error.kind] : HttpStatus.INTERNAL_SERVER_ERROR;
    const final = status >= 400 && status < 500 && status !== HttpStatus.TOO_MANY_REQUESTS;
    if (final && error instanceof Error) await this.store.complete(claim, { status, body: errorBody(status, error.message) });
    else await this.store.release(claim);
  }
}

function outcomeOf(error: unknown): RequestOutcome {
  if (error instanceof InsufficientFundsError) return 'insufficient_funds';
  if (error instanceof IdempotencyInProgressError) return 'in_progress';
  if (error instanceof IdempotencyKeyReusedError) return 'key_reused';
  if (error instanceof WalletBusyError) return 'busy';
  if (!(error instanceof DomainError)) return 'error';
  if (error.kind === 'FORBIDDEN') return 'forbidden';
  if (error.kind === 'NOT_FOUND') return 'not_found';
  return error.kind === 'VALIDATION' ? 'validation' : 'error';
}

/** The same body (in any key order) gives the same fingerprint. */
export function fingerprint(key: Buffer, value: unknown): string {
  return createHmac('sha256', key).update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${stableJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
