import { createSecretKey, randomUUID } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { forgeJwt, nowInSeconds } from '../testing/jwt-forge';
import { AccessTokens, JWT_ALGORITHM } from './access-tokens';
import { CheckedToken, TokenSubjects } from './token-subjects.port';

const SECRET = 'unit-secret-0123456789-0123456789-0123';

class KnownSubjects extends TokenSubjects {
  readonly known = new Set<string>();
  readonly revoked = new Set<string>();
  readonly asked: string[] = [];
  readonly tokensAsked: CheckedToken[] = [];
  async find(userId: string, token: CheckedToken): Promise<object | undefined> {
    this.asked.push(userId);
    this.tokensAsked.push(token);
    return this.known.has(userId) && !this.revoked.has(token.id) ? { id: userId } : undefined;
  }
}

describe('AccessTokens (the one token check of HTTP and sockets)', () => {
  const subjects = new KnownSubjects();
  const tokens = new AccessTokens(
    new JwtService({
      secret: createSecretKey(Buffer.from(SECRET)),
      signOptions: { algorithm: JWT_ALGORITHM, expiresIn: 60 },
      verifyOptions: { algorithms: [JWT_ALGORITHM] },
    }),
    subjects,
  );
  const userId = randomUUID();
  subjects.known.add(userId);
  const header = { alg: 'HS256', typ: 'JWT' };
  const valid = { sub: userId, jti: 'j', exp: nowInSeconds() + 60 };

  beforeEach(() => {
    subjects.asked.length = 0;
    subjects.tokensAsked.length = 0;
  });

  it('authenticates a token it issued, with a fresh token id each time', async () => {
    const first = await tokens.authenticate(tokens.issue(userId));
    const second = await tokens.authenticate(tokens.issue(userId));
    expect(first).toEqual({ id: userId, tokenId: expect.any(String), tokenExpiresAt: expect.any(Date), tokenIssuedAtMs: expect.any(Number) });
    expect(second.tokenId).not.toBe(first.tokenId);
  });

  it('issues tokens that expire, and that a plain string secret verifies (the key is the same secret)', () => {
    const claims = new JwtService({ secret: SECRET, verifyOptions: { algorithms: [JWT_ALGORITHM] } }).verify(tokens.issue(userId));
    expect(claims.exp - claims.iat).toBe(60);
  });

  it('authenticates a correctly signed token from elsewhere, asking once whether its subject exists', async () => {
    await expect(tokens.authenticate(forgeJwt(header, valid, SECRET))).resolves.toEqual({ id: userId, tokenId: 'j', tokenExpiresAt: new Date(valid.exp * 1000), tokenIssuedAtMs: 0 });
    expect(subjects.asked).toEqual([userId]);
  });

  it('gives the account the subject check loaded, so the request need not read it again', async () => {
    await expect(tokens.check(forgeJwt(header, valid, SECRET))).resolves.toEqual({
      user: { id: userId, tokenId: 'j', tokenExpiresAt: new Date(valid.exp * 1000), tokenIssuedAtMs: 0 },
      account: { id: userId },
    });
    expect(subjects.asked).toEqual([userId]);
  });

  it('refuses a correctly signed token of a user that does not exist', async () => {
    const ghost = randomUUID();
    await expect(tokens.authenticate(forgeJwt(header, { ...valid, sub: ghost }, SECRET))).rejects.toBeInstanceOf(UnauthorizedException);
    expect(subjects.asked).toEqual([ghost]);
  });

  it('refuses a token it accepted before once that token has expired (a verified signature is remembered, its expiry is not)', async () => {
    const token = tokens.issue(userId);
    await expect(tokens.authenticate(token)).resolves.toMatchObject({ id: userId });
    jest.useFakeTimers({ now: Date.now() + 61_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks whether the subject exists on every check, also of a token it verified before', async () => {
    const token = forgeJwt(header, valid, SECRET);
    await tokens.authenticate(token);
    subjects.known.delete(userId);
    try {
      await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
    } finally {
      subjects.known.add(userId);
    }
    expect(subjects.asked).toEqual([userId, userId]);
  });

  it('tells the subject check which token it is and when it was issued, to the millisecond for its own tokens', async () => {
    const before = Date.now();
    const issued = tokens.issue(userId);
    const { tokenId } = await tokens.authenticate(issued);
    expect(subjects.tokensAsked[0].id).toBe(tokenId);
    expect(subjects.tokensAsked[0].issuedAtMs).toBeGreaterThanOrEqual(before);
    expect(subjects.tokensAsked[0].issuedAtMs).toBeLessThanOrEqual(Date.now());
    await tokens.authenticate(forgeJwt(header, { ...valid, iat: 1_800_000_000 }, SECRET));
    expect(subjects.tokensAsked[1]).toEqual({ id: 'j', issuedAtMs: 1_800_000_000_000 });
  });

  it('refuses a revoked token even though its signature is remembered: revocation is asked on every check', async () => {
    const token = tokens.issue(userId);
    const { tokenId } = await tokens.authenticate(token);
    subjects.revoked.add(tokenId);
    try {
      await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
    } finally {
      subjects.revoked.delete(tokenId);
    }
    expect(subjects.asked).toEqual([userId, userId]);
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['garbage', 'not-a-jwt'],
    ['an expired token', forgeJwt(header, { ...valid, exp: nowInSeconds() - 5 }, SECRET)],
    ['a token without exp', forgeJwt(header, { sub: userId, jti: 'j' }, SECRET)],
    ['a token whose exp is not a number', forgeJwt(header, { ...valid, exp: String(nowInSeconds() + 60) }, SECRET)],
    ['a token not yet valid', forgeJwt(header, { ...valid, nbf: nowInSeconds() + 30 }, SECRET)],
    ['another secret', forgeJwt(header, valid, 'other-secret-0123456789-0123456789')],
    ['alg none', forgeJwt({ alg: 'none', typ: 'JWT' }, valid, '')],
    ['HS512', forgeJwt({ alg: 'HS512', typ: 'JWT' }, valid, SECRET, 'sha512')],
    ['a token without a subject', forgeJwt(header, { jti: 'j', exp: valid.exp }, SECRET)],
    ['a subject that is not a canonical id', forgeJwt(header, { ...valid, sub: userId.toUpperCase() }, SECRET)],
    ['a token without a token id', forgeJwt(header, { sub: userId, exp: valid.exp }, SECRET)],
  ])('refuses %s with 401, without asking for the subject', async (_case, token) => {
    await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
    expect(subjects.asked).toEqual([]);
  });
});
