import { HttpStatus } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createRequestLogger } from '../logging/request-logger';
import { errorBody } from './error-body';

/**
 * Fastify's router answers a URL it cannot decode (`/api/channels/%`) itself, before any
 * hook or Nest sees the request, with a body of its own. This handler (Fastify's
 * `frameworkErrors`) keeps such a request in the request log, with its X-Request-Id, and
 * answers it with the contract's error body and Fastify's status (400).
 */
export function routingErrorHandler(logger: Logger) {
  const log = createRequestLogger(logger);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status = error.statusCode ?? HttpStatus.BAD_REQUEST;
    log(request.raw, reply.raw, () => void reply.code(status).send(errorBody(status, error.message)));
  };
}
