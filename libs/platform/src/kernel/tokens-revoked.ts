/** Cluster notice (EventBus) that tokens of a user were revoked, so every node drops their open sockets. */
export const TOKENS_REVOKED_TOPIC = 'auth.tokens-revoked';

/**
 * Which tokens of `userId` end: only `tokenId` (a logout), all but `exceptTokenId` (a password
 * change), or all of them (the account was deleted).
 */
export interface TokensRevoked {
  readonly userId: string;
  readonly tokenId?: string;
  readonly exceptTokenId?: string;
}

export function revokes(event: TokensRevoked, tokenId: string): boolean {
  if (event.tokenId !== undefined) return event.tokenId === tokenId;
  return event.exceptTokenId !== tokenId;
}
