/** Who made a request, as proven by a valid access token. */
export interface AuthenticatedUser {
  readonly id: string;
  /** The token's own id, so a later logout can revoke exactly this token. */
  readonly tokenId: string;
  /** When the token expires (a revocation need not be kept past it). */
  readonly tokenExpiresAt: Date;
  /** When the token was issued, in milliseconds (a password change ends the tokens issued before it). */
  readonly tokenIssuedAtMs: number;
}
