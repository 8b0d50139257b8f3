import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { jsonDepthExceeds } from './json-depth';

/**
 * The deepest nesting a request body may have. Our DTOs nest two levels at
 * most; 32 leaves room while keeping class-transformer's and class-validator's
 * recursion far from the stack limit (2,000 levels overflow it).
 */
export const MAX_JSON_DEPTH = 32;

export const JSON_ONLY_MESSAGE = 'A request body must be application/json';

/**
 * The one body parser of the app: JSON only (any other body is a 415), and
 * bounded in depth right after the parse, so a hostile shape is a 400 before
 * any validation runs. The app must be created with `bodyParser: false` so
 * Nest adds no other parser.
 */
export function useJsonBodyParser(app: NestExpressApplication): void {
  app.use(refuseBodiesThatAreNotJson);
  app.useBodyParser('json', { limit: '100kb' });
  app.use(refuseDeepJson);
}

function refuseBodiesThatAreNotJson(request: Request, _response: Response, next: NextFunction): void {
  // Requests without a body (GET, DELETE, a bare POST …/leave) need no content type.
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is('application/json')) return next(new UnsupportedMediaTypeException(JSON_ONLY_MESSAGE));
  next();
}

function refuseDeepJson(request: Request, _response: Response, next: NextFunction): void {
  if (jsonDepthExceeds(request.body, MAX_JSON_DEPTH)) {
    return next(new BadRequestException(`JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`));
  }
  next();
}
