import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { forgeJwt, nowInSeconds } from '../testing/jwt-forge';
import { AccessTokens, JWT_ALGORITHM } from './access-tokens';

const SECRET = 'unit-secret-0123456789-0123456789-0123';

describe('AccessTokens (the check the socket gateway uses)', () => {
  const tokens = new AccessTokens(
    new JwtService({ secret: SECRET, signOptions: { algorithm: JWT_ALGORITHM, expiresIn: 60 }, verifyOptions: { algorithms: [JWT_ALGORITHM] } }),
  );

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
    ['an expired token', forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: nowInSeconds() - 5 }, SECRET)],
    ['another secret', forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: nowInSeconds() + 60 }, 'other-secret-0123456789-0123456789')],
    ['alg none', forgeJwt({ alg: 'none', typ: 'JWT' }, { sub: 'u', jti: 'j', exp: nowInSeconds() + 60 }, '')],
    ['a token without a subject', forgeJwt({ alg: 'HS256', typ: 'JWT' }, { jti: 'j', exp: nowInSeconds() + 60 }, SECRET)],
  ])('refuses %s with 401', async (_case, token) => {
    await expect(tokens.authenticate(token)).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
