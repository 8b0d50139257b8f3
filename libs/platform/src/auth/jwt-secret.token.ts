/** The resolved signing secret, as an injectable value. */
export class JwtSecret {
  constructor(readonly value: string) {}
}
