import type { z } from 'zod';
import { StoreError } from '../../core/ports/store-error.ts';

/**
 * Rows are a trust boundary: a hand edit, a bad migration or a bug elsewhere can leave values the domain
 * would reject. Reading one back fails loudly with `corrupt_row` instead of handing the core a bad object.
 */
export function parseRow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new StoreError('corrupt_row', `${what} does not match its schema`, { cause: result.error });
  return result.data;
}

export function parseJsonColumn(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StoreError('corrupt_row', `${what} is not valid JSON`, { cause: error });
  }
}

/** SQLite has no NULL-vs-absent distinction; the domain does, so NULL columns become absent fields. */
export function omitNulls<T extends Record<string, unknown>>(
  row: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** A UNIQUE or PRIMARY KEY violation, as better-sqlite3 reports it (`SqliteError.code`). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
