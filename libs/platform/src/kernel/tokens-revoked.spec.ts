import { revokes } from './tokens-revoked';

describe('revokes (which open sockets a TokensRevoked event ends)', () => {
  const token = (id: string, issuedAtMs = 1_000) => ({ id, issuedAtMs });

  it('a logout ends exactly its token', () => {
    expect(revokes({ userId: 'u', tokenId: 'a' }, token('a'))).toBe(true);
    expect(revokes({ userId: 'u', tokenId: 'a' }, token('b'))).toBe(false);
  });

  it('a password change ends the tokens issued before it but the kept one, never a token issued after it', () => {
    const change = { userId: 'u', exceptTokenId: 'kept', issuedBeforeMs: 2_000 };
    expect(revokes(change, token('old', 1_999))).toBe(true);
    expect(revokes(change, token('kept', 1_000))).toBe(false);
    expect(revokes(change, token('fresh', 2_000))).toBe(false);
  });

  it('an event naming no token ends them all', () => {
    expect(revokes({ userId: 'u' }, token('any', 9_999_999))).toBe(true);
  });
});
