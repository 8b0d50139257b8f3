import { CannotAddYourselfError } from './contact.errors';

/** One entry of a user's contact list: `ownerId` keeps `contactId` in their list. One-way. */
export interface Contact {
  readonly ownerId: string;
  readonly contactId: string;
  /** When it was added; lists are shown in this order. */
  readonly createdAt: Date;
}

/** A contact as its owner sees it. */
export interface ContactCard {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  readonly online: boolean;
}

/** Makes a new entry; nobody can be their own contact. */
export function newContact(ownerId: string, contactId: string, createdAt: Date): Contact {
  if (ownerId === contactId) throw new CannotAddYourselfError();
  return { ownerId, contactId, createdAt };
}
