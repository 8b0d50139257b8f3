import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens (signatures checked once per process)', () => {
  const claims = (exp: number) => ({ sub: 's', jti: 'j', exp, issuedAtMs: 0 });

  it('gives back what it was told until the second the token expires', () => {
    const verified = new VerifiedTokens(10);
    verified.remember('a', claims(100));
    expect(verified.claimsOf('a', 99)).toEqual(claims(100));
    expect(verified.claimsOf('a', 100)).toBeUndefined();
    // Forgotten once expired, even if asked with an earlier clock afterwards.
    expect(verified.claimsOf('a', 50)).toBeUndefined();
  });

  it('knows nothing of a token it was not told about', () => {
    const verified = new VerifiedTokens(10);
    verified.remember('a', claims(100));
    expect(verified.claimsOf('a.', 1)).toBeUndefined();
  });

  it('keeps at most `capacity` tokens, dropping the oldest first', () => {
    const verified = new VerifiedTokens(2);
    verified.remember('a', claims(100));
    verified.remember('b', claims(100));
    verified.remember('c', claims(100));
    expect(verified.claimsOf('a', 1)).toBeUndefined();
    expect(verified.claimsOf('b', 1)).toEqual(claims(100));
    expect(verified.claimsOf('c', 1)).toEqual(claims(100));
  });
});
