import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from './authenticated-user';
import { JWT_ALGORITHM, toAuthenticatedUser } from './access-tokens';
import { JwtSecret } from './jwt-secret.token';

/** passport-jwt strategy: bearer token, HS256 only, expiry enforced. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(secret: JwtSecret) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret.value,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  validate(claims: { sub?: string; jti?: string }): AuthenticatedUser {
    return toAuthenticatedUser(claims);
  }
}
