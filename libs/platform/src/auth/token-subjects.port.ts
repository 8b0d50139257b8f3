/** The token being checked, as TokenSubjects needs it to tell whether it was revoked. */
export interface CheckedToken {
  readonly id: string;
  /** When it was issued, in milliseconds (tokens older than a password change are void). */
  readonly issuedAtMs: number;
}

/**
 * The account a token's subject names, loaded by the accounts library (the platform cannot
 * import that library), or undefined when it is not (or no longer) an account or when this
 * token was revoked (logout, password change): a correctly signed token of a user that does
 * not exist, or revoked, is refused like a forged one. Asked on every check, never cached,
 * so a revocation holds on every node from the moment it is stored. The platform does not
 * look inside the answer; the HTTP guard leaves it on the request (@TokenAccount) so a
 * handler of the accounts library need not read the same row again.
 */
export abstract class TokenSubjects {
  abstract find(userId: string, token: CheckedToken): Promise<object | undefined>;
}
