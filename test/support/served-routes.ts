import { TestApp } from './test-app';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

export interface ServedRoute {
  method: string;
  /** Express template, e.g. `/api/channels/:id`. */
  path: string;
}

/** Every route the express app serves (one per method), as registered by the controllers. */
export function servedRoutes(t: TestApp): ServedRoute[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    // Nest's not-found handler is an all-methods route; real routes answer one method.
    .filter((layer) => layer.route && Object.keys(layer.route.methods).length === 1)
    .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })) : []));
}

/** `/api/channels/:id` as OpenAPI writes it: `/api/channels/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
