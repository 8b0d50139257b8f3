import { ContactStore } from './ports/contact-store.port';

/** A deleted account leaves no contact behind: its own list, and its place in everyone else's. */
export class ForgetContactsOf {
  constructor(private readonly contacts: ContactStore) {}

  async execute(userId: string): Promise<void> {
    await this.contacts.removeAllOf(userId);
  }
}
