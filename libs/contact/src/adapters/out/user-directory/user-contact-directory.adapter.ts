import { Injectable } from '@nestjs/common';
import { FindUsers } from '@webchat/user';
import { ContactDirectory, DirectoryUser } from '../../../application/ports/contact-directory.port';

/** The user library's accounts, seen through its public FindUsers (which normalizes emails). */
@Injectable()
export class UserContactDirectory extends ContactDirectory {
  constructor(private readonly users: FindUsers) {
    super();
  }

  findByEmail(email: string): Promise<DirectoryUser | undefined> {
    return this.users.byEmail(email);
  }

  findByIds(ids: readonly string[]): Promise<DirectoryUser[]> {
    return this.users.byIds(ids);
  }
}
