/**
 * Entity ids are UUIDs in their canonical form: 36 characters, lower-case hex and dashes
 * (what IdGenerator makes). Any other spelling names nothing, so it is refused before any
 * query: the stores compare ids byte for byte and never see a second form of one id.
 */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ENTITY_ID_LENGTH = 36;

export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_UUID.test(value);
}
