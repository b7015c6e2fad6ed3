/**
 * Per-recipe summary of the computed facts, to tune recipes.json:
 *   npx tsx service/data/tools/recipe-report.ts [--slot breakfast|lunch|dinner|snack] [--sort kcal|protein|fat|sodium|fibre|cost]
 * Shares are of Atwater energy (4/4/9); sodium and fibre are per 1,000 kcal; cost is the ingredient share per serving.
 */
import { MEAL_SLOTS, type MealSlot } from '../../src/core/nutrition/recipe.ts';
import { loadRecipeDatabase } from '../../src/core/nutrition/recipe-database.ts';
import { energyShares, per1000Kcal } from '../../src/core/nutrition/recipe-nutrition.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const slot = option('slot') as MealSlot | undefined;
if (slot !== undefined && !MEAL_SLOTS.includes(slot)) throw new Error(`unknown slot ${slot}`);
const sortKey = option('sort');

const db = loadRecipeDatabase();
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

const rows = db
  .all()
  .filter((recipe) => slot === undefined || recipe.slots.includes(slot))
  .map((recipe) => {
    const facts = db.nutrition(recipe.id);
    const n = facts.perServing;
    const shares = energyShares(n);
    return {
      id: recipe.id,
      slots: recipe.slots.map((s) => s[0]?.toUpperCase()).join(''),
      min: recipe.prepMinutes,
      kcal: round(n.kcal),
      'P%': round(shares.proteinPct),
      'F%': round(shares.fatPct),
      'C%': round(shares.carbsPct),
      'Na mg': round(n.sodiumMg),
      'Na/1000': round(per1000Kcal(n, 'sodiumMg')),
      'fib/1000': round(per1000Kcal(n, 'fiberG'), 1),
      $: round(facts.costPerServing, 2),
      diet: facts.diets[0] ?? 'omnivore',
      GF: facts.glutenFree ? 'GF' : '',
    };
  });

const sortColumn: Record<string, keyof (typeof rows)[number]> = {
  kcal: 'kcal',
  protein: 'P%',
  fat: 'F%',
  sodium: 'Na/1000',
  fibre: 'fib/1000',
  cost: '$',
};
const column = sortKey === undefined ? undefined : sortColumn[sortKey];
if (column !== undefined) rows.sort((a, b) => Number(b[column]) - Number(a[column]));
console.table(rows);

const mean = (values: readonly number[]) =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
const costs = rows.map((r) => r.$).sort((a, b) => a - b);
const share = (test: (r: (typeof rows)[number]) => boolean) =>
  `${round((100 * rows.filter(test).length) / Math.max(rows.length, 1), 1)} %`;
console.table({
  recipes: rows.length,
  'mean Na/1000 kcal': round(mean(rows.map((r) => r['Na/1000']))),
  'mean fibre/1000 kcal': round(mean(rows.map((r) => r['fib/1000'])), 1),
  'median cost': costs[Math.floor(costs.length / 2)] ?? 0,
  'under $1.50': share((r) => r.$ < 1.5),
  vegetarian: share((r) => r.diet === 'vegan' || r.diet === 'vegetarian'),
  vegan: share((r) => r.diet === 'vegan'),
  'gluten-free': share((r) => r.GF === 'GF'),
  '≤ 40 min': share((r) => r.min <= 40),
});
