import type { z } from 'zod';
import { StoreError } from '../../core/ports/store-error.ts';
import type { Item } from './dynamo-table.ts';

/**
 * Items are a trust boundary, as rows are for SQLite: a console edit or a bug elsewhere can leave a document the
 * domain would reject. Reading one back fails loudly with `corrupt_row` instead of handing the core a bad object.
 * `what` names the item by id only: phone numbers and plan tokens never go into errors.
 */
export function parseDoc<T>(schema: z.ZodType<T>, item: Item, what: string): T {
  const result = schema.safeParse(item.doc);
  if (!result.success)
    throw new StoreError('corrupt_row', `${what} does not match its schema`, { cause: result.error });
  return result.data;
}

export function stringAttr(item: Item, name: string, what: string): string {
  const value = item[name];
  if (typeof value !== 'string') throw new StoreError('corrupt_row', `${what} has no ${name}`);
  return value;
}

export function numberAttr(item: Item, name: string, what: string): number {
  const value = item[name];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new StoreError('corrupt_row', `${what} has no ${name}`);
  return value;
}
