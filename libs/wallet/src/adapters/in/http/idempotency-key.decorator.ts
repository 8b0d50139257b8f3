import { applyDecorators, BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;
/** Visible ASCII only: header values are bytes, and keys are compared byte for byte. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;

/** The Idempotency-Key header, required: 1–100 visible ASCII characters, else 400. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (typeof value !== 'string' || value.length < 1 || value.length > IDEMPOTENCY_KEY_MAX_LENGTH || !KEY_SHAPE.test(value)) {
    throw new BadRequestException(`Idempotency-Key header is required: 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`);
  }
  return value;
});

/** The header and the answers idempotency adds to a route's documentation; `conflict` is the route's own 409, if any. */
export const ApiIdempotent = (conflict?: string): MethodDecorator =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Makes a retry safe: the first answer (2xx or 4xx) is replayed for 24 h at least' }),
    ApiBadRequestResponse({ description: 'Invalid body, or Idempotency-Key missing or longer than 100 characters' }),
    ApiUnprocessableEntityResponse({ description: 'This Idempotency-Key was used with another body' }),
    ApiConflictResponse({ description: [conflict, 'a request with this Idempotency-Key is still running'].filter(Boolean).join('; or ') }),
  );
