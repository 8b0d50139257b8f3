import { Transform } from 'class-transformer';

/**
 * A query parameter holding an integer: only a string of digits (with an optional minus)
 * becomes a number; anything else (an empty value, "1.5", "1e3", a repeated parameter)
 * stays as it is and fails the field's @IsInt, a 400. `Number('')` would be 0.
 */
export const QueryInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
