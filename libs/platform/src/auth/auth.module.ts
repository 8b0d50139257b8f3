import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { AccessTokens, JWT_ALGORITHM } from './access-tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { JwtSecret } from './jwt-secret.token';
import { JwtStrategy } from './jwt.strategy';

/** JWT issuing and checking, plus the global guard that protects every non-public route. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    return {
      module: AuthModule,
      imports: [
        PassportModule,
        JwtModule.register({
          secret,
          signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwtExpiresInSeconds },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        }),
      ],
      providers: [
        { provide: JwtSecret, useValue: new JwtSecret(secret) },
        AccessTokens,
        JwtStrategy,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [AccessTokens],
    };
  }
}
