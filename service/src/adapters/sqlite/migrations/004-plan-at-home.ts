import type { Migration } from './migration.ts';

/**
 * Grocery items the user already has, per plan ("have rice"): a JSON array of food ids, NULL when nothing is
 * marked (every plan made before this, and every new plan).
 */
export const planAtHomeMigration: Migration = {
  version: 4,
  name: 'plan-at-home',
  sql: `
    ALTER TABLE plans ADD COLUMN at_home TEXT; -- JSON string[] of food ids, or NULL
  `,
};
