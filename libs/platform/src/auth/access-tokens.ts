import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isEntityId } from '../kernel';
import { AuthenticatedUser } from './authenticated-user';
import { TokenSubjects } from './token-subjects.port';
import { AccessTokenClaims, VerifiedTokens } from './verified-tokens';

export const JWT_ALGORITHM = 'HS256';

const INVALID_TOKEN = 'Invalid or expired access token';

/** How many verified tokens a process keeps (a few MB): more active tokens than this only cost more verifying. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** A passed token check: who is asking, and their account as TokenSubjects loaded it. */
export interface TokenCheck {
  readonly user: AuthenticatedUser;
  readonly account: object;
}

/**
 * Issues and checks access tokens (HS256 only). The HTTP guard and the socket gateway both
 * authenticate through `authenticate`, so the rules stay in one place: a valid signature,
 * an expiry (a token without `exp` would never end), a canonical user id as subject, a token
 * id, and a subject that is still an account and has not revoked this token (asked on every
 * check, after the cache of verified signatures, never remembered).
 */
@Injectable()
export class AccessTokens {
  private readonly verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

  constructor(
    private readonly jwt: JwtService,
    private readonly subjects: TokenSubjects,
  ) {}

  issue(userId: string): string {
    // `iatMs`: `iat` has whole seconds, and a token issued in the second after a password change must stay valid.
    return this.jwt.sign({ sub: userId, jti: randomUUID(), iatMs: Date.now() }, { algorithm: JWT_ALGORITHM });
  }

  /** Resolves the token's user or throws 401 (bad signature, wrong algorithm, expired or no expiry, malformed, unknown user). */
  async authenticate(token: string | undefined): Promise<AuthenticatedUser> {
    return (await this.check(token)).user;
  }

  /** `authenticate`, also giving the account loaded for the check (the HTTP guard keeps it for the handler). */
  async check(token: string | undefined): Promise<TokenCheck> {
    if (!token) throw new UnauthorizedException('Missing access token');
    const claims = this.verifiedClaims(token);
    const account = await this.subjects.find(claims.sub, { id: claims.jti, issuedAtMs: claims.issuedAtMs });
    if (!account) throw new UnauthorizedException(INVALID_TOKEN);
    return { user: { id: claims.sub, tokenId: claims.jti, tokenExpiresAt: new Date(claims.exp * 1000), tokenIssuedAtMs: claims.issuedAtMs }, account };
  }

  private verifiedClaims(token: string): AccessTokenClaims {
    // Same clock as jsonwebtoken's expiry check: whole seconds.
    const known = this.verified.claimsOf(token, Math.floor(Date.now() / 1000));
    if (known) return known;
    let claims: Partial<AccessTokenClaims> & { iat?: unknown; iatMs?: unknown };
    try {
      // Synchronous on purpose: with the prepared key (see AuthModule) it costs microseconds.
      claims = this.jwt.verify<typeof claims>(token);
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    if (!isEntityId(claims.sub) || typeof claims.jti !== 'string' || typeof claims.exp !== 'number') {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    const issuedAtMs = typeof claims.iatMs === 'number' ? claims.iatMs : typeof claims.iat === 'number' ? claims.iat * 1000 : 0;
    const checked = { sub: claims.sub, jti: claims.jti, exp: claims.exp, issuedAtMs };
    this.verified.remember(token, checked);
    return checked;
  }
}
