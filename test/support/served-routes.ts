import { INestApplication } from '@nestjs/common';
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface ServedRoute {
  method: string;
  /** Route template as the server matches it, e.g. `/api/channels/:id`. */
  path: string;
}

/** The server's own routes; the rest (`/`, `/assets/…`, the `*` fallback) are the web client's files. */
const SERVER_ROUTE = /^\/(api|docs|docs-json|metrics|health)(\/|$)/;

/**
 * Starts recording every route the app registers with Fastify from now on; call it before
 * app.init(), which registers the controllers' routes. Fastify's own HEAD twins of GET
 * routes are left out: the controllers declare none. So are the web client's static files,
 * which are there only once it is built (web-client-serving.e2e-spec.ts covers them).
 */
export function recordServedRoutes(app: INestApplication): ServedRoute[] {
  const routes: ServedRoute[] = [];
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!SERVER_ROUTE.test(route.url)) return;
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, path: route.url });
  });
  return routes;
}

/** Every route the app serves (one per method), as registered by the controllers. */
export function servedRoutes(t: { routes: ServedRoute[] }): ServedRoute[] {
  return t.routes;
}

/** `/api/channels/:id` as OpenAPI writes it: `/api/channels/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
