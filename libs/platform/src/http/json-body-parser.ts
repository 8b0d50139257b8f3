import { BadRequestException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { jsonDepthExceeds } from './json-depth';

/**
 * The deepest nesting a request body may have. Our DTOs nest two levels at
 * most; 32 leaves room while keeping class-transformer's and class-validator's
 * recursion far from the stack limit (2,000 levels overflow it).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The one body parser of the app: JSON only, and bounded in depth right after
 * the parse, so a hostile shape is a 400 before any validation runs.
 * The app must be created with `bodyParser: false` so Nest adds no other parser.
 */
export function useJsonBodyParser(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: '100kb' });
  app.use((request: Request, _response: Response, next: NextFunction) => {
    if (jsonDepthExceeds(request.body, MAX_JSON_DEPTH)) {
      return next(new BadRequestException(`JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`));
    }
    next();
  });
}
