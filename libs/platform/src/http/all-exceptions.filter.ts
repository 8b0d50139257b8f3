import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, RateLimitedError } from '../kernel';
import { redactUrl } from '../logging/credential-redaction';
import { DOMAIN_ERROR_STATUS } from './domain-error-status';
import { ErrorBody, errorBody } from './error-body';

/**
 * Turns every error into the contract's error shape. Only a real fault answers
 * 500, and that one is logged with the request id so it can be found.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, requestId: request.id, path: redactUrl(request.originalUrl) }, 'unhandled error');
    }
    if (response.headersSent) return;
    if (exception instanceof RateLimitedError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(DOMAIN_ERROR_STATUS[exception.kind], exception.message);
    }
    if (exception instanceof HttpException) {
      return errorBody(exception.getStatus(), messageOf(exception.getResponse(), exception.message));
    }
    const clientError = asExpressClientError(exception);
    if (clientError) return clientError;
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** body-parser's errors (malformed JSON, body too large) carry their own 4xx status. */
function asExpressClientError(exception: unknown): ErrorBody | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type } = exception as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (type === 'entity.parse.failed') return errorBody(status, 'Malformed JSON body');
  if (type === 'entity.too.large') return errorBody(status, 'Request body too large');
  const message = (exception as { message?: unknown }).message;
  return errorBody(status, typeof message === 'string' ? message : 'Bad request');
}
