/** What the contact library needs to know about an account. */
export interface DirectoryUser {
  readonly id: string;
  readonly email: string;
  readonly username: string;
}

/** Looks accounts up; the user library owns them. */
export abstract class ContactDirectory {
  /** Any case and surrounding spaces are fine: emails are compared trimmed and lower-cased. */
  abstract findByEmail(email: string): Promise<DirectoryUser | undefined>;
  /** The users of the given ids that exist, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<DirectoryUser[]>;
}
