/** Cluster notice (EventBus) that tokens of a user were revoked, so every node drops their open sockets. */
export const TOKENS_REVOKED_TOPIC = 'auth.tokens-revoked';

/**
 * Which tokens of `userId` end: only `tokenId` (a logout); those issued before `issuedBeforeMs`
 * but `exceptTokenId` (a password change: tokens issued after it stay valid); or all of them
 * (neither given: the account is gone).
 */
export interface TokensRevoked {
  readonly userId: string;
  readonly tokenId?: string;
  readonly exceptTokenId?: string;
  readonly issuedBeforeMs?: number;
}

export function revokes(event: TokensRevoked, token: { readonly id: string; readonly issuedAtMs: number }): boolean {
  if (event.tokenId !== undefined) return event.tokenId === token.id;
  if (event.issuedBeforeMs !== undefined && token.issuedAtMs >= event.issuedBeforeMs) return false;
  return event.exceptTokenId !== token.id;
}
