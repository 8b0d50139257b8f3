import { toProfile, UserProfile } from '../domain/user';
import { UserNotFoundError } from '../domain/user.errors';
import { UserStore } from './ports/user-store.port';

export class GetProfile {
  constructor(private readonly users: UserStore) {}

  async execute(userId: string): Promise<UserProfile> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    return toProfile(user);
  }
}
