import type { PlanEditMessages } from './plan-edit-catalog.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SLOTS = { breakfast: 'breakfast', lunch: 'lunch', dinner: 'dinner', snack: 'snack' };

const weekday = (day: number) => WEEKDAYS[day] ?? '';
const joined = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const planEditEn: PlanEditMessages = {
  swapWhich: () =>
    "Which meal should I swap? Say e.g. 'swap dinner', 'swap tuesday lunch' or 'no fish this week'.",
  dayNotInPlan: () => "That day isn't in your current plan. Reply PLAN for a new week.",
  swapped: (slot, day, recipe, servings, cost, budget, link) =>
    `Swapped ${weekday(day)}'s ${SLOTS[slot]}: ${recipe} (${servings}). Your week now costs ${cost} of your ${budget} budget: ${link}`,
  noOtherMeal: (slot, day) =>
    `No other ${SLOTS[slot]} fits ${weekday(day)} within your targets and budget, so your plan is unchanged.`,
  excluded: (food, changed, cost, budget, link) =>
    `No ${food} this week: I changed ${changed} meal${changed === 1 ? '' : 's'}. Your week now costs ${cost} of your ${budget} budget: ${link}`,
  nothingToExclude: (food, cost, budget) =>
    `Your plan has no ${food}, so nothing changed (${cost} of your ${budget} budget). I'll keep ${food} out of swaps this week.`,
  excludeFailed: (food) =>
    `I couldn't replace every meal with ${food} within your targets and budget, so your plan is unchanged.`,
  unknownFood: (food) =>
    `I don't know "${food}" as a food, so your plan is unchanged. Try e.g. 'no fish this week'.`,
  offList: (items, left, link) =>
    `Off your shopping list: ${joined(items)}. Still to buy: ${left} (${link}).`,
  notOnList: (items) => `${joined(items)} ${items.length === 1 ? 'is' : 'are'} not on your shopping list.`,
  shoppingListLeft: (left, link, aisles, atHome) =>
    `Shopping list, ${left} still to buy (${atHome} item${atHome === 1 ? '' : 's'} you have left off; full list: ${link}). ${aisles}`,
};
