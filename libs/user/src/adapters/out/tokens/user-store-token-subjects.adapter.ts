import { Injectable } from '@nestjs/common';
import { TokenSubjects } from '@webchat/platform';
import { UserStore } from '../../../application/ports/user-store.port';
import { UserProfile } from '../../../domain/user';

/**
 * The platform's token check reads the token subject's profile from the account store: that
 * read proves the account still exists, and GET /api/users/me answers with it (@TokenAccount).
 */
@Injectable()
export class UserStoreTokenSubjects extends TokenSubjects {
  constructor(private readonly users: UserStore) {
    super();
  }

  find(userId: string): Promise<UserProfile | undefined> {
    return this.users.findProfile(userId);
  }
}
