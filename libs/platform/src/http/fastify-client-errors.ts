import { errorCodes } from 'fastify';

/**
 * Fastify refuses some requests before Nest sees them (a body over the limit, a
 * Content-Length that lies); Nest hands those on as HttpExceptions with Fastify's
 * wording and status. Their status is kept, in the contract's wording.
 */
const CONTRACT_WORDING = new Map<string, string>([[new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE().message, 'Request body too large']]);

export function contractMessage(message: string): string {
  return CONTRACT_WORDING.get(message) ?? message;
}
