import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isEntityId } from '../kernel';

/** A body field holding an entity id (or, with `each`, an array of them): a canonical lower-case UUID, else 400. */
export const EntityId = (options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator =>
  ValidateBy(
    {
      name: 'entityId',
      validator: {
        validate: (value: unknown) => isEntityId(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be an id (a lower-case UUID)`, options),
      },
    },
    options,
  );
