import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { redactByName, redactUrl } from './credential-redaction';

export const REQUEST_ID_HEADER = 'x-request-id';

/** The request and response as pino-http serializes them (only the fields we rewrite). */
interface LoggedRequest {
  url?: string;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}
interface LoggedResponse {
  headers?: Record<string, unknown>;
}

/**
 * One structured log line per request, with a request id that is taken from
 * the caller's X-Request-Id (when sane) or made here, and echoed back.
 */
export function createRequestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const given = request.headers[REQUEST_ID_HEADER];
      const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    // Never log credentials: any header, query parameter or Set-Cookie whose name suggests one.
    // The serialized objects are fresh copies, but their maps are the live ones: replace, never mutate.
    serializers: {
      req: (request: LoggedRequest) =>
        Object.assign(request, {
          url: request.url === undefined ? undefined : redactUrl(request.url),
          query: redactByName(request.query),
          params: redactByName(request.params),
          headers: redactByName(request.headers),
        }),
      res: (response: LoggedResponse) => Object.assign(response, { headers: redactByName(response.headers) }),
    },
  });
}
