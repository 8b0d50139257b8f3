/**
 * Whether a token's subject is still an account. The user library implements it with its
 * store (the platform cannot import that library), so a correctly signed token of a user
 * that does not exist (or no longer exists) is refused like a forged one.
 */
export abstract class TokenSubjects {
  abstract exists(userId: string): Promise<boolean>;
}
