import { FindUsers } from '@webchat/user';

/** What a message of a deleted account shows as its sender's name (DESIGN §5, DELETE /api/users/me). */
export const DELETED_SENDER_NAME = 'deleted user';

/**
 * Senders' names as shown: a sender whose account is gone shows "deleted user". Decided at read
 * time from the accounts table, in one read for all the ids, because the message store may be
 * another database (a SQLite file of its own, MySQL or MongoDB) that the account's deletion cannot
 * change in its transaction; the stored name stays. Answers the function that names a sender.
 */
export async function shownSenderNames(users: FindUsers, senderIds: readonly (string | null)[]): Promise<(senderId: string | null, storedName: string | null) => string | null> {
  const ids = [...new Set(senderIds.filter((id): id is string => id !== null))];
  const present = new Set(ids.length === 0 ? [] : (await users.byIds(ids)).map((user) => user.id));
  return (senderId, storedName) => (senderId === null || present.has(senderId) ? storedName : DELETED_SENDER_NAME);
}
