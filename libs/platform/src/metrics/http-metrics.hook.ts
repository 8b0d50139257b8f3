import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Histogram } from 'prom-client';

export const HTTP_DURATION_METRIC = 'http_request_duration_seconds';

/** The label of a request no route matched (a 404, or refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request. The route label is the matched route template
 * (`/api/channels/:id`), never the raw URL, so label cardinality stays bounded.
 * Fastify hooks, not Nest middleware: middleware sees only the raw request, which
 * does not know its route.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    @InjectMetric(HTTP_DURATION_METRIC) private readonly histogram: Histogram<string>,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Runs in app.init(), before the server is ready: hooks added now apply to every route. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP
    fastify.addHook('onResponse', async (request, reply) => this.observe(request, reply));
  }

  private observe(request: FastifyRequest, reply: FastifyReply): void {
    const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE, status_code: String(reply.statusCode) };
    // Fastify times the request itself, from its arrival to the end of the response.
    this.histogram.observe(labels, reply.elapsedTime / 1000);
  }
}
