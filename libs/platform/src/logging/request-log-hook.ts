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
  fastify.addHook('onRequest', (request, reply, done) => {
    // The log line shows the parsed query and path parameters, as it did on Express (redacted by name there).
    Object.assign(request.raw, { query: request.query, params: request.params });
    log(request.raw, reply.raw, () => done());
  });
}
