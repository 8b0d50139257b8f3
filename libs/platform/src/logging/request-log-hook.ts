import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createRequestLogger } from './request-logger';

/**
 * Runs the request logger first on every request, on Fastify's raw request and
 * response: the id (X-Request-Id) is set on both before anything can fail, and the
 * line is written when the response finishes, whoever answered it.
 */
export function useRequestLogger(fastify: FastifyInstance, logger: Logger): void {
  const log = createRequestLogger(logger);
  fastify.addHook('onRequest', (request, reply, done) => log(request.raw, reply.raw, () => done()));
}
