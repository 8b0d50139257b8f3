/**
 * Base of every domain error. `kind` says what went wrong in transport-neutral
 * terms; the HTTP filter (and later the socket gateway) map it to a status or
 * ack code in one place, so use cases never know about HTTP.
 */
export type DomainErrorKind =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /**
   * A stable, more precise name for clients (`NOT_MEMBER`): the kind's name unless a class says
   * otherwise. The socket ack table (platform/src/socket/domain-error-ack.ts) answers it.
   */
  get code(): string {
    return this.kind;
  }

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
