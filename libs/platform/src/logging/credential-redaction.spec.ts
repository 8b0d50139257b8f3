import { isCredentialName, redactByName, redactUrl } from './credential-redaction';

describe('credential redaction', () => {
  it.each([
    'authorization', 'Proxy-Authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-apikey', 'api_key', 'apiKey',
    'x-auth-token', 'auth', 'access_token', 'refresh-token', 'id_token', 'client_secret', 'x-user-password', 'passwd',
    'x-session-id', 'x-amz-signature', 'key', 'sig', 'x-jwt',
  ])('takes %s for a credential', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each(['user-agent', 'accept', 'content-type', 'x-request-id', 'host', 'q', 'limit', 'page', 'author', 'keyboard'])(
    'keeps %s',
    (name) => {
      expect(isCredentialName(name)).toBe(false);
    },
  );

  it('hides search terms (q) in query maps too, though they are no credential', () => {
    expect(redactByName({ q: 'words of a message', limit: '5' })).toEqual({ q: '[Redacted]', limit: '5' });
  });

  it('redacts by name in a copy, leaving the given map alone', () => {
    const headers = { authorization: 'Bearer x', accept: '*/*' };
    expect(redactByName(headers)).toEqual({ authorization: '[Redacted]', accept: '*/*' });
    expect(headers.authorization).toBe('Bearer x');
    expect(redactByName(undefined)).toBeUndefined();
  });

  it('redacts credential query values in a URL, byte for byte otherwise', () => {
    expect(redactUrl('/a/b')).toBe('/a/b');
    expect(redactUrl('/a?')).toBe('/a?');
    expect(redactUrl('/a?limit=5&access_token=abc&x')).toBe('/a?limit=5&access_token=[Redacted]&x');
    expect(redactUrl('/a?q=caf%C3%A9&limit=5')).toBe('/a?q=[Redacted]&limit=5');
    expect(redactUrl('/a?token&api%5Fkey=1&my+password=2')).toBe('/a?token=[Redacted]&api%5Fkey=[Redacted]&my+password=[Redacted]');
    expect(redactUrl('/a?%E0%A4%A=1&TOKEN=2')).toBe('/a?%E0%A4%A=1&TOKEN=[Redacted]');
  });
});
