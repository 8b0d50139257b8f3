import { Injectable } from '@nestjs/common';
import { FindUsers } from '@webchat/user';
import { ChannelUser, ChannelUserDirectory } from '../../../application/ports/channel-user-directory.port';

/** Channel members' accounts, read through the user library's public face. */
@Injectable()
export class UserLibraryDirectory extends ChannelUserDirectory {
  constructor(private readonly users: FindUsers) {
    super();
  }

  async findByIds(ids: readonly string[]): Promise<ChannelUser[]> {
    return (await this.users.byIds(ids)).map(({ id, username }) => ({ id, username }));
  }
}
