const nullAllowedByClass = new WeakMap<object, ReadonlySet<string>>();

/**
 * Lets a JSON null through for this body field (the global PlainInputPipe
 * refuses null everywhere else). The field's own validators then decide what
 * null means: with `@IsOptional()` it is "absent", so say which you mean.
 */
export const NullAllowed = (): PropertyDecorator => (target, propertyKey) => {
  const owner = target.constructor;
  nullAllowedByClass.set(owner, new Set([...nullAllowedFields(owner), String(propertyKey)]));
};

/** The body fields of a DTO class (and the classes it extends) that accept null. */
export function nullAllowedFields(dtoClass: unknown): ReadonlySet<string> {
  for (let current = dtoClass; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const fields = nullAllowedByClass.get(current);
    if (fields) return fields;
  }
  return new Set();
}
