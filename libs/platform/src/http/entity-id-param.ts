import { Param, PipeTransform } from '@nestjs/common';
import { isEntityId } from '../kernel';

/** Lets a canonical id through; anything else names nothing, so it gets the route's not-found error before any query. */
export class ParseEntityIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly notFound: () => Error) {}

  transform(value: unknown): string {
    if (!isEntityId(value)) throw this.notFound();
    return value;
  }
}

/**
 * A path parameter that must be an entity id (a canonical lower-case UUID). `notFound` makes
 * the error the route gives for an unknown id (a domain error, usually), so a malformed id
 * reads exactly like an unknown one.
 */
export const EntityIdParam = (name: string, notFound: () => Error): ParameterDecorator => Param(name, new ParseEntityIdPipe(notFound));
