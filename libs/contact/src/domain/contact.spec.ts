import { newContact } from './contact';
import { CannotAddYourselfError } from './contact.errors';

describe('newContact', () => {
  it('makes an entry for two different users, and refuses one user twice', () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    expect(newContact('a', 'b', at)).toEqual({ ownerId: 'a', contactId: 'b', createdAt: at });
    expect(() => newContact('a', 'a', at)).toThrow(CannotAddYourselfError);
    expect(() => newContact('a', 'a', at)).toThrow('You cannot add yourself as a contact');
  });
});
