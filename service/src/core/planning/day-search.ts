import { SLOTS, type Slot } from './plan-request.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';

/** Where a member's day energy should come from (inside MEAL_SHARES), used to size portions while enumerating. */
const TARGET_SHARE: Record<Slot, number> = { breakfast: 0.25, lunch: 0.3, dinner: 0.33, snack: 0.12 };
const MIN_SERVINGS = 0.5;
const MAX_SERVINGS = 3;
/** Dollars per unit of relative violation that no side can fix: large, so such combinations rank last. */
const VIOLATION_WEIGHT = 50;

export interface ScoredCombination {
  recipes: Record<Slot, PlanningRecipe>;
  score: number;
}

interface SlotOption {
  recipe: PlanningRecipe;
  /** Household servings and the nutrition penalty terms this recipe contributes, per member. */
  servings: number;
  perMember: Float64Array;
  foods: Int32Array;
  grams: Float64Array;
}

/**
 * Enumerates every combination of one recipe per slot from the pruned pools and scores it for the household:
 * portions sized so each meal gives its usual share of each member's energy, then the day's marginal cost (whole
 * packages beyond what is already free this week) plus weighted shortfalls against energy, protein, the AMDR,
 * sodium and fibre. Only the best few combinations go on to the exact MILP, which settles portions and sides.
 */
/** Dollars per gram of protein, per gram of fibre and per kcal when a member's shortfall is made up with sides. */
export interface ShortfallPrices {
  proteinG: number;
  fiberG: number;
  kcal: number;
}

export function bestCombinations(
  pools: ReadonlyMap<Slot, readonly PlanningRecipe[]>,
  members: readonly MemberPlanTargets[],
  foods: ReadonlyMap<string, PlanningFood>,
  free: ReadonlyMap<string, number>,
  penalties: ReadonlyMap<string, number>,
  shortfallPrices: ShortfallPrices,
  keep: number,
): ScoredCombination[] {
  const foodIndex = new Map<string, number>();
  const levels = SLOTS.map((slot) =>
    (pools.get(slot) ?? []).map((recipe) => slotOption(recipe, slot, members, foodIndex)),
  );
  const foodList = [...foodIndex.keys()].map((id) => foods.get(id));
  const freeGrams = Float64Array.from([...foodIndex.keys()].map((id) => free.get(id) ?? 0));
  const used = new Float64Array(foodIndex.size);
  const width = members.length * 6;
  // Running nutrient sums per depth, so each level adds its option once instead of every leaf re-adding four.
  const sums = Array.from({ length: SLOTS.length + 1 }, () => new Float64Array(width));
  const chosen: SlotOption[] = [];
  const best: ScoredCombination[] = [];

  const foodCost = (option: SlotOption) => {
    let cost = 0;
    for (let i = 0; i < option.foods.length; i++) {
      const index = option.foods[i] ?? 0;
      const food = foodList[index];
      const grams = used[index] ?? 0;
      if (!food || grams <= 0) continue;
      used[index] = -grams; // mark as counted for this leaf
      if (food.pantry) cost += grams * food.pricePerGram;
      else {
        const missing = grams - (freeGrams[index] ?? 0);
        if (missing > 1e-6) cost += Math.ceil(missing / food.packageGrams - 1e-6) * food.pricePerPackage;
      }
    }
    return cost;
  };

  const leaf = () => {
    let score = 0;
    for (const option of chosen) score += (penalties.get(option.recipe.id) ?? 0) + foodCost(option);
    for (const option of chosen) {
      for (let i = 0; i < option.foods.length; i++) {
        const index = option.foods[i] ?? 0;
        used[index] = Math.abs(used[index] ?? 0);
      }
    }
    const totals = sums[SLOTS.length] ?? new Float64Array(width);
    members.forEach((member, m) => {
      score += violationCost(member, totals.subarray(m * 6, m * 6 + 6), shortfallPrices);
    });
    if (best.length < keep || score < (best[best.length - 1]?.score ?? Infinity)) {
      const [breakfast, lunch, dinner, snack] = chosen;
      if (!breakfast || !lunch || !dinner || !snack) return;
      best.push({
        recipes: {
          breakfast: breakfast.recipe,
          lunch: lunch.recipe,
          dinner: dinner.recipe,
          snack: snack.recipe,
        },
        score,
      });
      best.sort((x, y) => x.score - y.score);
      if (best.length > keep) best.pop();
    }
  };

  const descend = (depth: number) => {
    if (depth === SLOTS.length) return leaf();
    const previous = sums[depth] ?? new Float64Array(width);
    const next = sums[depth + 1] ?? new Float64Array(width);
    for (const option of levels[depth] ?? []) {
      if (chosen.some((other) => other.recipe.id === option.recipe.id)) continue;
      for (let i = 0; i < width; i++) next[i] = (previous[i] ?? 0) + (option.perMember[i] ?? 0);
      for (let i = 0; i < option.foods.length; i++) {
        const index = option.foods[i] ?? 0;
        used[index] = (used[index] ?? 0) + (option.grams[i] ?? 0) * option.servings;
      }
      chosen.push(option);
      descend(depth + 1);
      chosen.pop();
      for (let i = 0; i < option.foods.length; i++) {
        const index = option.foods[i] ?? 0;
        used[index] = (used[index] ?? 0) - (option.grams[i] ?? 0) * option.servings;
      }
    }
  };
  descend(0);
  return best;
}

/** One recipe in one slot: each member's portion sized to the slot's usual share, and the nutrients it brings. */
function slotOption(
  recipe: PlanningRecipe,
  slot: Slot,
  members: readonly MemberPlanTargets[],
  foodIndex: Map<string, number>,
): SlotOption {
  const perMember = new Float64Array(members.length * 6);
  let servings = 0;
  members.forEach((member, m) => {
    const portion = nominalServings(recipe, slot, member);
    servings += portion;
    const n = recipe.perServing;
    perMember.set(
      [n.kcal, n.proteinG, n.fatG, n.carbsG, n.fiberG, n.sodiumMg].map((v) => v * portion),
      m * 6,
    );
  });
  const foods = Int32Array.from(
    recipe.ingredients.map((ingredient) => indexOf(foodIndex, ingredient.foodId)),
  );
  const grams = Float64Array.from(recipe.ingredients.map((ingredient) => ingredient.grams));
  return { recipe, servings, perMember, foods, grams };
}

/** The portion that gives the slot its usual share of the member's energy, in quarter servings. */
export function nominalServings(recipe: PlanningRecipe, slot: Slot, member: MemberPlanTargets): number {
  const exact = (TARGET_SHARE[slot] * member.kcal) / recipe.perServing.kcal;
  return Math.round(clamp(exact, MIN_SERVINGS, MAX_SERVINGS) * 4) / 4;
}

function indexOf(index: Map<string, number>, id: string): number {
  let value = index.get(id);
  if (value === undefined) {
    value = index.size;
    index.set(id, value);
  }
  return value;
}

/**
 * What it costs to bring a member's day inside the constraints: shortfalls in protein, fibre and energy priced at
 * what a side would cost to make them up; what sides cannot fix (AMDR shares, too much sodium or energy) weighted.
 */
function violationCost(member: MemberPlanTargets, n: Float64Array, prices: ShortfallPrices): number {
  const [kcal = 0, protein = 0, fat = 0, carbs = 0, fiber = 0, sodium = 0] = n;
  const fixable =
    Math.max(0, member.proteinMinG - protein) * prices.proteinG +
    Math.max(0, member.fiberPerKcal * member.kcal - fiber) * prices.fiberG +
    Math.max(0, member.kcal * 0.96 - kcal) * prices.kcal;
  const unfixable =
    Math.max(0, kcal - member.kcal * 1.04) / member.kcal +
    outside((9 * fat) / kcal, member.fatMinPct, member.fatMaxPct) +
    outside((4 * carbs) / kcal, member.carbsMinPct, member.carbsMaxPct) +
    outside((4 * protein) / kcal, 0, member.proteinMaxPct) +
    Math.max(0, sodium - member.sodiumMaxMg) / member.sodiumMaxMg;
  return fixable + VIOLATION_WEIGHT * unfixable;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const outside = (share: number, low: number, high: number) => Math.max(0, low - share, share - high);
