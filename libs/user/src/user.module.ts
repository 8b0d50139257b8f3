import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, IdGenerator, provideUseCase } from '@webchat/platform';
import { AuthController } from './adapters/in/http/auth.controller';
import { UsersController } from './adapters/in/http/users.controller';
import { Argon2PasswordHasher } from './adapters/out/argon2/argon2-password-hasher.adapter';
import { JwtAccessTokenIssuer } from './adapters/out/tokens/jwt-access-token-issuer.adapter';
import { TypeormUserStore } from './adapters/out/typeorm/typeorm-user-store.adapter';
import { UserRecord } from './adapters/out/typeorm/user.record';
import { GetProfile } from './application/get-profile.use-case';
import { LogIn } from './application/log-in.use-case';
import { AccessTokenIssuer } from './application/ports/access-token-issuer.port';
import { PasswordHasher } from './application/ports/password-hasher.port';
import { UserStore } from './application/ports/user-store.port';
import { SignUp } from './application/sign-up.use-case';

/** Accounts and authentication. The one TypeORM store serves SQLite and MySQL alike. */
@Module({
  imports: [TypeOrmModule.forFeature([UserRecord])],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: UserStore, useClass: TypeormUserStore },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: AccessTokenIssuer, useClass: JwtAccessTokenIssuer },
    provideUseCase(SignUp, [UserStore, PasswordHasher, IdGenerator, Clock]),
    provideUseCase(LogIn, [UserStore, PasswordHasher, AccessTokenIssuer]),
    provideUseCase(GetProfile, [UserStore]),
  ],
  exports: [UserStore, GetProfile],
})
export class UserModule {}
