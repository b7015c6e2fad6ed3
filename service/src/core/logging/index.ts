export { parseChosenFood } from './chosen-food.ts';
export {
  type FoodLogParse,
  type LoggedFood,
  MAX_GRAMS_PER_ITEM,
  parseFoodLog,
  type UnsureFood,
} from './parse-food-log.ts';
