import { randomUUID } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '../http/validation.pipe';
import { EntityId } from './entity-id';

class OneId {
  @EntityId() userId!: string;
}

class ManyIds {
  @EntityId({ each: true }) userIds!: string[];
}

const validate = (type: new () => object, body: object) => createValidationPipe().transform(body, { type: 'body', metatype: type });

describe('EntityId (body fields)', () => {
  const id = randomUUID();

  it('lets a canonical id through, alone and in an array', async () => {
    await expect(validate(OneId, { userId: id })).resolves.toEqual({ userId: id });
    await expect(validate(ManyIds, { userIds: [id, randomUUID()] })).resolves.toMatchObject({ userIds: [id, expect.any(String)] });
  });

  it.each([id.toUpperCase(), `${id} `, `${id}\u0000`, 'ghost-user', 42, null])('answers 400 naming the field for %p', async (value) => {
    await expect(validate(OneId, { userId: value })).rejects.toThrow(new BadRequestException('userId must be an id (a lower-case UUID)'));
    await expect(validate(ManyIds, { userIds: [id, value] })).rejects.toThrow(
      new BadRequestException('each value in userIds must be an id (a lower-case UUID)'),
    );
  });
});
