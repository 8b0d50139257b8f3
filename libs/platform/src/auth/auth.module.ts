import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokens, JWT_ALGORITHM } from './access-tokens';
import { resolveJwtSecret } from './jwt-secret';
import { RestRateLimitGuard } from '../rate-limits/rest-rate-limit.guard';

/**
 * JWT issuing and checking, plus the global guards of every non-public route: a valid token,
 * then the user's REST rate limit.
 * Needs a TokenSubjects provider from the accounts library (see token-subjects.port.ts).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    // A prepared key: given a string, jsonwebtoken first tries to parse it as a PEM public
    // key on every call, which made verifying cost ~350 µs instead of ~15 µs.
    const key = createSecretKey(Buffer.from(resolveJwtSecret(config.jwtSecret, config.dataDir), 'utf8'));
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          secret: key,
          signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwtExpiresInSeconds },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        }),
      ],
      providers: [
        AccessTokens,
        // Global guards run in this order: who is asking, then whether they are over their REST limit.
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_GUARD, useClass: RestRateLimitGuard },
      ],
      exports: [AccessTokens],
    };
  }
}
