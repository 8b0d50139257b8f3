/**
 * The account a token's subject names, loaded by the accounts library (the platform cannot
 * import that library), or undefined when it is not (or no longer) an account: a correctly
 * signed token of a user that does not exist is refused like a forged one. The platform does
 * not look inside the answer; the HTTP guard leaves it on the request (@TokenAccount) so a
 * handler of the accounts library need not read the same row again.
 */
export abstract class TokenSubjects {
  abstract find(userId: string): Promise<object | undefined>;
}
