import { randomUUID } from 'node:crypto';
import { DomainError } from '../kernel';
import { ParseEntityIdPipe } from './entity-id-param';

class ThingNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
}

describe('ParseEntityIdPipe (path parameters)', () => {
  const pipe = new ParseEntityIdPipe(() => new ThingNotFoundError('Thing not found'));

  it('lets a canonical id through', () => {
    const id = randomUUID();
    expect(pipe.transform(id)).toBe(id);
  });

  it.each([randomUUID().toUpperCase(), `${randomUUID()} `, `${randomUUID()}\u0000`, 'x'.repeat(300), "1' OR '1'='1", ''])(
    "throws the route's not-found error for %p",
    (value) => {
      expect(() => pipe.transform(value)).toThrow(new ThingNotFoundError('Thing not found'));
    },
  );
});
