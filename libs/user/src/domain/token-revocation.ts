/** The token a request carries, as far as revocation cares. */
export interface HeldToken {
  readonly id: string;
  readonly issuedAtMs: number;
}

/** One logged-out token: refused until `expiresAt`, when it would have expired anyway. */
export interface TokenRevocation {
  readonly tokenId: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

/** A new password hash, and the end of every token issued before `at` but the one kept. */
export interface PasswordChange {
  readonly userId: string;
  readonly passwordHash: string;
  readonly keptTokenId: string;
  readonly at: Date;
}
