import { Injectable } from '@nestjs/common';
import { AccessTokens } from '@webchat/platform';
import { AccessTokenIssuer } from '../../../application/ports/access-token-issuer.port';

/** Issues the platform's JWT access tokens. */
@Injectable()
export class JwtAccessTokenIssuer extends AccessTokenIssuer {
  constructor(private readonly tokens: AccessTokens) {
    super();
  }

  issue(userId: string): string {
    return this.tokens.issue(userId);
  }
}
