import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** A 429 with its Retry-After header, for a route behind a rate limit. */
export const ApiRateLimited = (description: string): MethodDecorator & ClassDecorator =>
  ApiTooManyRequestsResponse({
    description: `${description}: \`{statusCode, error, message}\``,
    headers: { 'Retry-After': { description: 'Seconds until the limit lets the caller try again', schema: { type: 'integer', minimum: 1 } } },
  });

/** Every route of a controller needs a bearer token (401 without a valid one) and counts against the user's REST limit (429). */
export const ApiAuthenticated = (): ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token, or its user does not exist' }),
    ApiRateLimited("Over the user's REST request limit"),
  );
