import pino from 'pino';

/**
 * Fields of a database error that hold the values a query was given: TypeORM's `parameters`,
 * and the driver's `sql` (mysql2 writes the values into the statement it reports). Those values
 * are user content (search terms, message texts) or secrets, so a logged fault keeps the
 * statement's shape (`query`, with its placeholders) and the driver's message, never them.
 */
const VALUE_FIELDS = ['parameters', 'sql'] as const;

type SerializedError = ReturnType<typeof pino.stdSerializers.err> & Record<string, unknown>;

/** pino's error serializer, without the values of a failed query, at any depth of `cause` or `driverError`. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return withoutValues(pino.stdSerializers.err(error) as SerializedError);
}

function withoutValues(serialized: SerializedError): SerializedError {
  const copy: Record<string, unknown> = { ...serialized };
  for (const field of VALUE_FIELDS) if (field in copy) copy[field] = '[Redacted]';
  for (const [key, value] of Object.entries(copy)) {
    if (value && typeof value === 'object' && 'message' in value && 'stack' in value) copy[key] = withoutValues(value as SerializedError);
  }
  return copy as SerializedError;
}
