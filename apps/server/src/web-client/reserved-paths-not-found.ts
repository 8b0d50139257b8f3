import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** The server's own paths: an unknown URL under them is a JSON 404, never the client's index.html. */
export const SERVER_PATHS = /^\/(api|docs|docs-json|socket\.io|metrics|health)(\/|\?|$)/;

/** The catch-all route ServeStaticModule registers for index.html. */
const CLIENT_FALLBACK_ROUTE = '*';

/**
 * ServeStaticModule's Fastify loader answers every GET no other route matched with index.html
 * (its `exclude` option is read by the Express loader only). This hook hands such a request under
 * a server path to the app's not-found handler instead, which answers the contract's 404 body.
 */
@Injectable()
export class ReservedPathsNotFound implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.routeOptions.url === CLIENT_FALLBACK_ROUTE && SERVER_PATHS.test(request.url)) {
        reply.callNotFound();
        return;
      }
      done();
    });
  }
}
