import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonDepthExceeds } from './json-depth';

/**
 * The deepest nesting a request body may have. Our DTOs nest two levels at
 * most; 32 leaves room while keeping class-transformer's and class-validator's
 * recursion far from the stack limit (2,000 levels overflow it).
 */
export const MAX_JSON_DEPTH = 32;

/** The largest request body, in bytes (413 beyond it). */
export const MAX_BODY_BYTES = 100 * 1024;

export const JSON_ONLY_MESSAGE = 'A request body must be application/json';
export const MALFORMED_JSON_MESSAGE = 'Malformed JSON body';

/**
 * The one body parser of the app: JSON only (any other body is a 415), and
 * bounded in depth right after the parse, so a hostile shape is a 400 before
 * any validation runs. The app must be created with `bodyParser: false` so
 * Nest adds no other parser; Fastify's own parsers are removed here.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', refuseBodiesThatAreNotJson);
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, parseBoundedJson);
  // Only a body-less request reaches this one (the hook refused the others): whatever its content type, there is nothing to parse.
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

async function refuseBodiesThatAreNotJson(request: FastifyRequest): Promise<void> {
  // Requests without a body (GET, DELETE, a bare POST …/leave) need no content type.
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !isJson(request.headers['content-type'])) throw new UnsupportedMediaTypeException(JSON_ONLY_MESSAGE);
}

/** `application/json`, any parameters (a charset) aside; not a `+json` suffix type. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0].trim().toLowerCase() === 'application/json';
}

function parseBoundedJson(_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void): void {
  // An empty body is no body, as on any other content type.
  if (body.length === 0) return done(null, undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString());
  } catch {
    return done(new BadRequestException(MALFORMED_JSON_MESSAGE));
  }
  if (jsonDepthExceeds(parsed, MAX_JSON_DEPTH)) {
    return done(new BadRequestException(`JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`));
  }
  done(null, parsed);
}
