import { ArgumentsHost, BadRequestException, HttpException, HttpServer } from '@nestjs/common';
import { errorCodes } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { DomainError, RateLimitedError } from '../kernel';
import { AllExceptionsFilter } from './all-exceptions.filter';

class GoneError extends DomainError {
  readonly kind = 'NOT_FOUND';
}

function run(exception: unknown, url = '/api/things') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const reply: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {};
  // The HTTP adapter's side the filter uses: it answers through the adapter, whatever the framework.
  const http = {
    isHeadersSent: () => false,
    getRequestUrl: (request: { raw: { url: string } }) => request.raw.url,
    setHeader(_response: unknown, name: string, value: string) {
      reply.headers[name] = value;
    },
    reply(_response: unknown, body: unknown, status: number) {
      reply.status = status;
      reply.body = body;
    },
  } as unknown as HttpServer;
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ raw: { id: 'req-77', url } }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(pino(sink), http).catch(exception, host);
  return { reply, lines };
}

describe('AllExceptionsFilter', () => {
  it('answers a real fault with a bare 500 and logs it with the request id', () => {
    const { reply, lines } = run(new TypeError('cannot read x of undefined'));
    expect(reply).toEqual({ headers: {}, status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-77', path: '/api/things', msg: 'unhandled error', err: { message: 'cannot read x of undefined' } });
  });

  it('logs the path of a fault without credential query parameters', () => {
    const { lines } = run(new TypeError('boom'), '/api/things?access_token=secret-1&page=2');
    expect(lines[0].path).toBe('/api/things?access_token=[Redacted]&page=2');
  });

  it('maps a domain error by its kind, without logging it as a fault', () => {
    const { reply, lines } = run(new GoneError('Thing not found'));
    expect(reply).toEqual({ headers: {}, status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Thing not found' } });
    expect(lines).toEqual([]);
  });

  it('answers a rate-limit refusal with 429 and Retry-After in seconds', () => {
    const { reply, lines } = run(new RateLimitedError('Too many requests; slow down', 4));
    expect(reply).toEqual({
      status: 429,
      headers: { 'Retry-After': '4' },
      body: { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests; slow down' },
    });
    expect(lines).toEqual([]);
  });

  it('joins validation messages into one string', () => {
    const { reply } = run(new BadRequestException(['name is too long', 'age must be a number']));
    expect(reply.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'name is too long; age must be a number' });
  });

  it("keeps the status of Fastify's body errors, in the contract's wording", () => {
    // Nest hands a Fastify error on as an HttpException with Fastify's message and status.
    const tooLarge = new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    const { reply } = run(new HttpException(tooLarge.message, tooLarge.statusCode!));
    expect(reply).toEqual({ headers: {}, status: 413, body: { statusCode: 413, error: 'Payload Too Large', message: 'Request body too large' } });
  });
});
