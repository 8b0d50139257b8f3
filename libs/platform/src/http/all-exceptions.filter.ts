import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpServer, HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { DomainError, RateLimitedError } from '../kernel';
import { redactUrl } from '../logging/credential-redaction';
import { DOMAIN_ERROR_STATUS } from './domain-error-status';
import { ErrorBody, errorBody } from './error-body';
import { contractMessage } from './fastify-client-errors';

/** The request as the filter reads it: Fastify's, whose raw request carries the request log's id. */
interface FilteredRequest {
  raw: IncomingMessage & { id?: unknown };
}

/**
 * Turns every error into the contract's error shape. Only a real fault answers
 * 500, and that one is logged with the request id so it can be found. It answers
 * through the HTTP adapter, so it does not depend on the server framework's reply API.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly http: HttpServer,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FilteredRequest>();
    const response = context.getResponse<unknown>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      const path = redactUrl(this.http.getRequestUrl?.(request) ?? request.raw.url ?? '');
      this.logger.error({ err: exception, requestId: request.raw.id, path }, 'unhandled error');
    }
    if (this.http.isHeadersSent(response)) return;
    if (exception instanceof RateLimitedError) this.http.setHeader(response, 'Retry-After', String(exception.retryAfterSeconds));
    this.http.reply(response, body, body.statusCode);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(DOMAIN_ERROR_STATUS[exception.kind], exception.message);
    }
    if (exception instanceof HttpException) {
      return errorBody(exception.getStatus(), contractMessage(messageOf(exception.getResponse(), exception.message)));
    }
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}
