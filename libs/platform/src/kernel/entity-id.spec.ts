import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ENTITY_ID_LENGTH, isEntityId } from './entity-id';
import { UuidGenerator } from './id-generator';

describe('isEntityId', () => {
  it('accepts what the id generator makes', () => {
    const ids = new UuidGenerator();
    for (let i = 0; i < 100; i += 1) {
      const id = ids.next();
      expect(isEntityId(id)).toBe(true);
      expect(id).toHaveLength(ENTITY_ID_LENGTH);
    }
  });

  it('accepts any lower-case UUID, of any version', () => {
    fc.assert(fc.property(fc.uuid(), (id) => isEntityId(id.toLowerCase())));
  });

  it.each([
    ['upper case', randomUUID().toUpperCase()],
    ['one upper-case letter', 'A0000000-0000-4000-8000-000000000000'],
    ['a trailing space', `${randomUUID()} `],
    ['a leading space', ` ${randomUUID()}`],
    ['a trailing NUL', `${randomUUID()}\u0000`],
    ['a trailing newline', `${randomUUID()}\n`],
    ['braces', `{${randomUUID()}}`],
    ['no dashes', randomUUID().replace(/-/g, '')],
    ['a URN', `urn:uuid:${randomUUID()}`],
    ['a non-hex letter', 'g0000000-0000-4000-8000-000000000000'],
    ['full-width digits', '０0000000-0000-4000-8000-000000000000'],
    ['an empty string', ''],
    ['a name', 'owner'],
  ])('refuses %s', (_case, value) => {
    expect(isEntityId(value)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    fc.assert(fc.property(fc.anything().filter((value) => typeof value !== 'string'), (value) => !isEntityId(value)));
  });

  it('refuses the upper-case spelling of every id that has a letter, and every id with a character added', () => {
    const id = fc.uuid().map((uuid) => uuid.toLowerCase());
    fc.assert(fc.property(id.filter((value) => /[a-f]/.test(value)), (value) => !isEntityId(value.toUpperCase())));
    fc.assert(fc.property(id, fc.nat(36), fc.string({ minLength: 1, maxLength: 1 }), (value, at, char) => !isEntityId(value.slice(0, at) + char + value.slice(at))));
  });
});
