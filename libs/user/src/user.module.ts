import { Global, Module } from '@nestjs/common';
import { Clock, EventBus, IdGenerator, PasswordHasher, provideUseCase, RateLimiter, TokenSubjects } from '@webchat/platform';
import { AuthController } from './adapters/in/http/auth.controller';
import { UsersController } from './adapters/in/http/users.controller';
import { JwtAccessTokenIssuer } from './adapters/out/tokens/jwt-access-token-issuer.adapter';
import { UserStoreTokenSubjects } from './adapters/out/tokens/user-store-token-subjects.adapter';
import { TypeormUserStore } from './adapters/out/typeorm/typeorm-user-store.adapter';
import { NothingToClose } from './adapters/out/account-closing/nothing-to-close.adapter';
import { DeleteAccount } from './application/delete-account.use-case';
import { FindUsers } from './application/find-users.use-case';
import { GetProfile } from './application/get-profile.use-case';
import { LogIn } from './application/log-in.use-case';
import { LogOut } from './application/log-out.use-case';
import { AccessTokenIssuer } from './application/ports/access-token-issuer.port';
import { AccountClosing } from './application/ports/account-closing.port';
import { UserStore } from './application/ports/user-store.port';
import { SearchUsers } from './application/search-users.use-case';
import { SignUp } from './application/sign-up.use-case';
import { UpdateAccount } from './application/update-account.use-case';

/**
 * Accounts and authentication. The one TypeORM store serves SQLite and MySQL alike.
 * Global so the platform's token check (AuthModule) can reach TokenSubjects: the platform
 * may not import this library.
 */
@Global()
@Module({
  controllers: [AuthController, UsersController],
  providers: [
    { provide: UserStore, useClass: TypeormUserStore },
    { provide: AccessTokenIssuer, useClass: JwtAccessTokenIssuer },
    { provide: TokenSubjects, useClass: UserStoreTokenSubjects },
    provideUseCase(SignUp, [UserStore, PasswordHasher, IdGenerator, Clock]),
    provideUseCase(LogIn, [UserStore, PasswordHasher, AccessTokenIssuer, RateLimiter]),
    provideUseCase(LogOut, [UserStore, EventBus, Clock]),
    provideUseCase(GetProfile, [UserStore]),
    provideUseCase(SearchUsers, [UserStore]),
    provideUseCase(UpdateAccount, [UserStore, PasswordHasher, EventBus, Clock]),
    provideUseCase(FindUsers, [UserStore]),
    // AccountClosing is answered at the app level (it composes the other libraries), looked up optionally.
    {
      provide: DeleteAccount,
      useFactory: (closing: AccountClosing | undefined, users: UserStore, hasher: PasswordHasher, bus: EventBus) =>
        new DeleteAccount(users, hasher, bus, closing ?? new NothingToClose()),
      inject: [{ token: AccountClosing, optional: true }, UserStore, PasswordHasher, EventBus],
    },
  ],
  exports: [FindUsers, TokenSubjects],
})
export class UserModule {}
