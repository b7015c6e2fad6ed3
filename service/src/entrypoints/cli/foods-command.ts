import type { Food } from '../../core/nutrition/food.ts';
import {
  type FoodDatabase,
  loadFoodDatabase,
  normalizeFoodText,
} from '../../core/nutrition/food-database.ts';
import { type Align, formatNumber, formatTable } from './text-table.ts';

const SEARCH_LIMIT = 10;

/** The public shape of a food (`foods show --json`): the CLI contract, nothing more. */
export interface FoodView {
  id: string;
  name: string;
  ndb: string;
  per100g: { kcal: number; proteinG: number; fatG: number; carbsG: number; fiberG: number; sodiumMg: number };
  allergens: string[];
  diets: string[];
}

export function foodView(food: Food): FoodView {
  const { kcal, proteinG, fatG, carbsG, fiberG, sodiumMg } = food.per100g;
  return {
    id: food.id,
    name: food.name,
    ndb: food.ndb,
    per100g: { kcal, proteinG, fatG, carbsG, fiberG, sodiumMg },
    allergens: [...food.allergens],
    diets: [...food.diets],
  };
}

function showTable(foods: readonly Food[]): string[] {
  const header = [
    'id',
    'name',
    'ndb',
    'kcal',
    'protein g',
    'fat g',
    'carbs g',
    'fiber g',
    'sodium mg',
    'allergens',
  ];
  const rows = foods.map((food) => {
    const n = food.per100g;
    return [
      food.id,
      food.name,
      food.ndb,
      formatNumber(n.kcal),
      formatNumber(n.proteinG, 1),
      formatNumber(n.fatG, 1),
      formatNumber(n.carbsG, 1),
      formatNumber(n.fiberG, 1),
      formatNumber(n.sodiumMg),
      food.allergens.join(', ') || '-',
    ];
  });
  const right = header.map((_, i): Align => (i >= 3 && i <= 8 ? 'right' : 'left'));
  return [...formatTable([header, ...rows], right), '(nutrients per 100 g, USDA SR28)'];
}

/** `foods show ID...`: every id is checked before anything is printed, so stdout is all or nothing. */
export function runFoodsShow(
  ids: readonly string[],
  json: boolean,
  db: FoodDatabase = loadFoodDatabase(),
): number {
  if (ids.length === 0) {
    process.stderr.write(
      'foods show needs at least one food id (find ids with: nutritionist foods search TEXT)\n',
    );
    return 2;
  }
  const unknown = ids.filter((id) => db.get(id) === undefined);
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(', ');
    process.stderr.write(`Unknown food id ${names} (find ids with: nutritionist foods search TEXT)\n`);
    return 2;
  }
  const foods = ids.map((id) => db.require(id));
  const out = json ? [JSON.stringify(foods.map(foodView))] : showTable(foods);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** `foods search TEXT...`: the words form one query; best matches first. */
export function runFoodsSearch(
  words: readonly string[],
  json: boolean,
  db: FoodDatabase = loadFoodDatabase(),
): number {
  const query = words.join(' ').trim();
  if (normalizeFoodText(query) === '') {
    process.stderr.write('foods search needs some text, e.g. nutritionist foods search garbanzo\n');
    return 2;
  }
  const matches = db.search(query, SEARCH_LIMIT);
  if (json) {
    const view = matches.map(({ food }) => ({ id: food.id, name: food.name, ndb: food.ndb }));
    process.stdout.write(`${JSON.stringify(view)}\n`);
    return 0;
  }
  if (matches.length === 0) {
    process.stdout.write(`No foods match "${query}".\n`);
    return 0;
  }
  const rows = matches.map((m) => [m.food.id, m.food.name, `${m.kind} "${m.matched}"`]);
  process.stdout.write(`${formatTable([['id', 'name', 'matched'], ...rows]).join('\n')}\n`);
  return 0;
}

/** `foods show|search`: routes the subcommand. */
export function runFoods(subcommand: string | undefined, args: readonly string[], json: boolean): number {
  switch (subcommand) {
    case 'show':
      return runFoodsShow(args, json);
    case 'search':
      return runFoodsSearch(args, json);
    default:
      process.stderr.write(
        `Unknown foods subcommand "${subcommand ?? ''}": use "foods show ID..." or "foods search TEXT".\n`,
      );
      return 2;
  }
}
