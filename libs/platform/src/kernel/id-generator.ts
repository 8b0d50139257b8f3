import { randomUUID } from 'node:crypto';

/** Makes new entity ids (strings, as the public contract wants). */
export abstract class IdGenerator {
  abstract next(): string;
}

export class UuidGenerator extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}
