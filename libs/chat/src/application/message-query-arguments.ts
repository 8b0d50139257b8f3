import { InvalidMessageQueryError } from '../domain/message-query.errors';

/** `value` when it is an integer in [min, max]; a VALIDATION error naming `name` otherwise. */
export function requireIntegerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidMessageQueryError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
