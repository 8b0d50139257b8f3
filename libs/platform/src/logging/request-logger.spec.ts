import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import request from 'supertest';
import { createRequestLogger } from './request-logger';

interface LogLine {
  req: { url: string; headers: Record<string, unknown> };
  res: { headers: Record<string, unknown> };
}

/** A bare HTTP server behind the request logger, its log lines captured. */
function loggedServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const lines: LogLine[] = [];
  const log = createRequestLogger(pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }));
  const server = createServer((req, res) => log(req, res, () => handle(req, res)));
  return { server, lines };
}

describe('createRequestLogger', () => {
  it('redacts a Set-Cookie of the response, keeps the other response headers', async () => {
    const { server, lines } = loggedServer((_request, response) => {
      response.setHeader('set-cookie', ['sid=secret-cookie; HttpOnly', 'theme=dark']);
      response.setHeader('content-type', 'text/plain');
      response.end('ok');
    });
    await request(server).get('/').expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0].res.headers).toMatchObject({ 'set-cookie': '[Redacted]', 'content-type': 'text/plain' });
    expect(JSON.stringify(lines[0])).not.toContain('secret-cookie');
  });

  it('redacts credential headers and query parameters in the log line only, never in the request', async () => {
    let seen: { authorization?: string; url?: string } = {};
    const { server, lines } = loggedServer((req, res) => {
      res.end();
      seen = { authorization: req.headers.authorization, url: req.url };
    });
    await request(server).get('/x?token=secret-t&n=1').set('authorization', 'Bearer secret-a').expect(200);
    expect(lines[0].req).toMatchObject({ url: '/x?token=[Redacted]&n=1', headers: { authorization: '[Redacted]' } });
    expect(seen).toEqual({ authorization: 'Bearer secret-a', url: '/x?token=secret-t&n=1' });
  });
});
