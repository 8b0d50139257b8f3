/** Issues the bearer token a logged-in user presents afterwards. */
export abstract class AccessTokenIssuer {
  abstract issue(userId: string): string;
}
