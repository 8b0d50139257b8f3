import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';

/** A Host header fit to be written into a policy (name or [v6], optional port); anything else gets no ws source. */
const SAFE_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The socket.io endpoint of the page's own host, in both schemes (CSP 'self' does not cover ws: in every browser). */
function sameHostSockets(request: IncomingMessage): string {
  const host = request.headers.host;
  return host !== undefined && SAFE_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * helmet's headers with a Content-Security-Policy that lets our own pages work: the browser client
 * (a Vite build served at `/`: scripts and styles from 'self'; Mantine sets inline style
 * attributes and style elements) and Swagger UI at /docs (its scripts are files under /docs;
 * its page carries inline style elements and data: images). Scripts run only from 'self', never
 * inline. `upgrade-insecure-requests` is left out so a plain-HTTP deployment (a LAN, localhost)
 * still loads its own files.
 */
export const SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", sameHostSockets],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      scriptSrcAttr: ["'none'"],
    },
  },
  // Framed by no one (frame-ancestors 'none' for browsers that read it, X-Frame-Options for the others).
  xFrameOptions: { action: 'deny' },
  // The API is called from other origins only through CORS_ORIGINS; its files may be loaded by those too.
  crossOriginResourcePolicy: { policy: 'same-site' },
};
