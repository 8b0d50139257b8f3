import type { TableColumnOptions } from 'typeorm';

/** A UTC instant with millisecond precision, the same on SQLite and MySQL. */
export function timestampColumn(name: string, isNullable = false): TableColumnOptions {
  return { name, type: 'datetime', precision: 3, isNullable };
}
