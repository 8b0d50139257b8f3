import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser } from './authenticated-user';

export const JWT_ALGORITHM = 'HS256';

interface AccessTokenClaims {
  sub: string;
  jti: string;
}

/**
 * Issues and checks access tokens (HS256 only). The HTTP guard and the socket
 * gateway both authenticate through `authenticate`, so the rules stay in one place.
 */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  issue(userId: string): string {
    const claims: AccessTokenClaims = { sub: userId, jti: randomUUID() };
    return this.jwt.sign(claims, { algorithm: JWT_ALGORITHM });
  }

  /** Resolves the token's user or throws 401 (bad signature, wrong algorithm, expired, malformed). */
  async authenticate(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new UnauthorizedException('Missing access token');
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token, {
        algorithms: [JWT_ALGORITHM],
      });
      return toAuthenticatedUser(claims);
    } catch {
      throw new UnauthorizedException('Invalid or expired access token');
    }
  }
}

export function toAuthenticatedUser(claims: Partial<AccessTokenClaims>): AuthenticatedUser {
  if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string') {
    throw new UnauthorizedException('Invalid or expired access token');
  }
  return { id: claims.sub, tokenId: claims.jti };
}
