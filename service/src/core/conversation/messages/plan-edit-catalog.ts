import type { Slot } from '../../planning/plan-request.ts';

/** Replies to plan edits: swaps, a food kept out for the week, groceries at home. Numbers come from the planner. */
export interface PlanEditMessages {
  swapWhich(): string;
  dayNotInPlan(): string;
  swapped(
    slot: Slot,
    weekday: number,
    recipe: string,
    servings: string,
    cost: string,
    budget: string,
    link: string,
  ): string;
  noOtherMeal(slot: Slot, weekday: number): string;
  excluded(food: string, changed: number, cost: string, budget: string, link: string): string;
  nothingToExclude(food: string, cost: string, budget: string): string;
  excludeFailed(food: string): string;
  unknownFood(food: string): string;
  offList(items: readonly string[], left: string, link: string): string;
  notOnList(items: readonly string[]): string;
  /** The shopping list once items the user has are off it: what is still to buy. */
  shoppingListLeft(left: string, link: string, aisles: string, atHome: number): string;
}
