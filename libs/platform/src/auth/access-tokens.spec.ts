import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { forgeJwt, nowInSeconds } from '../testing/jwt-forge';
import { AccessTokens, JWT_ALGORITHM } from './access-tokens';

const SECRET = 'unit-secret-0123456789-0123456789-0123';

const handMade = (header: object, claims: object, secret = SECRET) => forgeJwt(header, claims, secret);

describe('AccessTokens (the check the socket gateway uses)', () => {
  const tokens = new AccessTokens(
    new JwtService({ secret: SECRET, signOptions: { algorithm: JWT_ALGORITHM, expiresIn: 60 }, verifyOptions: { algorithms: [JWT_ALGORITHM] } }),
  );
  const now = nowInSeconds;

  it('authenticates a token it issued, with a fresh token id each time', async () => {
    const first = await tokens.authenticate(tokens.issue('user-1'));
    const second = await tokens.authenticate(tokens.issue('user-1'));
    expect(first).toEqual({ id: 'user-1', tokenId: expect.any(String) });
    expect(second.tokenId).not.toBe(first.tokenId);
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['garbage', 'not-a-jwt'],
    ['an expired token', handMade({ alg: 'HS256', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: now() - 5 })],
    ['another secret', handMade({ alg: 'HS256', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: now() + 60 }, 'other-secret-0123456789-0123456789')],
    ['alg none', forgeJwt({ alg: 'none', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: now() + 60 }, '')],
    ['a token without a subject', handMade({ alg: 'HS256', typ: 'JWT' }, { jti: 'j', exp: now() + 60 })],
  ])('refuses %s with 401', async (_case, token) => {
    await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
