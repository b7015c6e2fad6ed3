import { messagesFor } from '../conversation/messages/index.ts';
import type { FoodLogEntry } from '../domain/food-log-entry.ts';
import { ALLERGENS, type Allergen } from '../domain/profile.ts';
import type { Locale, User } from '../domain/user.ts';
import { parseChosenFood, parseFoodLog } from '../logging/index.ts';
import { loadFoodDatabase } from '../nutrition/food-database.ts';
import { excludedAllergenTags } from '../nutrition/recipe-eligibility.ts';
import { PLAN_NUTRIENTS } from '../planning/nutrients.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Stores } from '../ports/stores.ts';
import { localDate } from '../time/local-date.ts';
import { userTimeZone } from '../time/time-zones.ts';
import { userTargets } from './user-targets.ts';

/**
 * More foods than anyone eats in one sitting is a flood, not a meal: nothing is logged, so no store ever writes a
 * partial batch (DynamoDB transactions hold 100 items).
 */
export const MAX_FOODS_PER_MESSAGE = 20;

/** Food logs are kept for a year, then dropped by housekeeping. */
const FOOD_LOG_RETENTION_DAYS = 365;

export interface LogFoodDeps {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Logs what the user says they ate: foods and grams from the parser, nutrients from the food database, the day's
 * totals against the user's targets, a question when a food is ambiguous and a warning when it holds an allergen
 * they named. Every number comes from the database and the targets calculator.
 */
export async function logFood(
  deps: LogFoodDeps,
  user: User,
  text: string,
  locale: Locale,
  /** The answer to "did you mean …?": `text` is the original phrase, logged as this food. */
  chosen?: { foodId: string; accompaniment: boolean },
): Promise<string[]> {
  const m = messagesFor(locale);
  const foods = loadFoodDatabase();
  const parsed =
    chosen === undefined
      ? parseFoodLog(text, foods)
      : parseChosenFood(text, chosen.foodId, chosen.accompaniment, foods);
  // Numbered, so "1" or "the second one" can answer (conversation/food-choice.ts).
  const questions = parsed.unsure.map((unsure) =>
    m.foodUnsure(unsure.phrase, unsure.options.map((option, k) => `${k + 1}) ${option.name}`).join(' / ')),
  );
  if (parsed.items.length === 0) return questions.length > 0 ? questions : [m.foodUnknown()];
  if (parsed.items.length > MAX_FOODS_PER_MESSAGE) return [m.foodTooMany(MAX_FOODS_PER_MESSAGE)];

  const now = deps.clock.now();
  const date = localDate(now, userTimeZone(user)); // the user's own day, not UTC's
  const expiresAt = new Date(now.getTime() + FOOD_LOG_RETENTION_DAYS * 86_400_000).toISOString();
  const entries: FoodLogEntry[] = parsed.items.map((item) => {
    const per100g = foods.require(item.foodId).per100g;
    const nutrients = Object.fromEntries(
      PLAN_NUTRIENTS.map((key) => [key, Math.round(((per100g[key] * item.grams) / 100) * 10) / 10]),
    ) as FoodLogEntry['nutrients'];
    return {
      id: deps.ids.next(),
      userId: user.id,
      date,
      at: now.toISOString(),
      foodId: item.foodId,
      name: item.name,
      grams: item.grams,
      nutrients,
      expiresAt,
    };
  });
  await deps.stores.foodLog.append(entries);

  const day = await deps.stores.foodLog.forDay(user.id, date, now);
  const kcal = Math.round(day.reduce((sum, entry) => sum + entry.nutrients.kcal, 0));
  const protein = Math.round(day.reduce((sum, entry) => sum + entry.nutrients.proteinG, 0));
  const targets = userTargets(user);
  const items = parsed.items.map((item) => `${item.name} ${Math.round(item.grams)} g`).join(', ');
  const replies = [m.logged(items, m.dayTotals(kcal, targets?.kcal, protein, targets?.proteinG))];

  const excluded = excludedAllergenTags(user.profile.allergies ?? []);
  const risky = parsed.items.filter((item) =>
    foods.require(item.foodId).allergens.some((a) => excluded.has(a)),
  );
  if (risky.length > 0) {
    const allergens = [
      ...new Set(
        risky.flatMap((item) => foods.require(item.foodId).allergens.filter((a) => excluded.has(a))),
      ),
    ];
    replies.push(
      m.allergenWarning(
        risky.map((item) => item.name).join(', '),
        allergens.map((tag) => (isProfileAllergen(tag) ? m.allergenName(tag) : tag)).join(', '),
      ),
    );
  }
  return [...replies, ...questions];
}

function isProfileAllergen(tag: string): tag is Allergen {
  return (ALLERGENS as readonly string[]).includes(tag);
}
