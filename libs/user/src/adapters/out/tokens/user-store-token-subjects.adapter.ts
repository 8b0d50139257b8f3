import { Injectable } from '@nestjs/common';
import { TokenSubjects } from '@webchat/platform';
import { UserStore } from '../../../application/ports/user-store.port';

/** The platform's token check asks the account store whether a token's subject still exists. */
@Injectable()
export class UserStoreTokenSubjects extends TokenSubjects {
  constructor(private readonly users: UserStore) {
    super();
  }

  exists(userId: string): Promise<boolean> {
    return this.users.exists(userId);
  }
}
