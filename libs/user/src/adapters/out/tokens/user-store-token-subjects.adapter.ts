import { Injectable } from '@nestjs/common';
import { CheckedToken, TokenSubjects } from '@webchat/platform';
import { UserStore } from '../../../application/ports/user-store.port';
import { UserProfile } from '../../../domain/user';

/**
 * The platform's token check reads the token subject's profile from the account store: that
 * one read proves the account still exists and has not revoked this token, and GET
 * /api/users/me answers with it (@TokenAccount).
 */
@Injectable()
export class UserStoreTokenSubjects extends TokenSubjects {
  constructor(private readonly users: UserStore) {
    super();
  }

  find(userId: string, token: CheckedToken): Promise<UserProfile | undefined> {
    return this.users.findProfileHolding(userId, token);
  }
}
