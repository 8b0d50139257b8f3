import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { routingErrorHandler } from './routing-errors';

/** Node's default limit on the request head (16 KiB) already bounds every URL. */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * The HTTP server under Nest: Fastify, measured well ahead of Express here (README, Benchmark).
 * Settings that Fastify takes only at construction live here; the rest is in configureHttpApp.
 */
export function createHttpAdapter(config: Pick<AppConfig, 'trustProxyHops'>, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({
    // Behind N proxies, the client's address (login limits count per address) is the Nth from the right in X-Forwarded-For.
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    // As on Express: `/health/` is `/health`, and a path parameter of any length reaches its route
    // (which answers its own 400/404) instead of Fastify's default cut-off at 100 characters.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: routingErrorHandler(logger),
  });
}
