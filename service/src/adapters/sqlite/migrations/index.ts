import { initialMigration } from './001-initial.ts';
import { plansMigration } from './002-plans.ts';
import { foodLogMigration } from './003-food-log.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initialMigration, plansMigration, foodLogMigration];
