import type { StoredPlan } from '../domain/stored-plan.ts';
import type { Locale, User } from '../domain/user.ts';
import { type EditPlanDeps, editPlan } from './edit-plan.ts';

/** The reply to unticking, per language. */
const BACK_ON_LIST: Record<Locale, (name: string) => string> = {
  en: (name) => `${name} is back on your shopping list.`,
  es: (name) => `${name} vuelve a tu lista de compras.`,
};

export type AtHomeOutcome =
  | { status: 'no_plan' }
  | { status: 'unknown_item' }
  | { status: 'done'; message: string; plan: StoredPlan };

/**
 * Ticks a grocery item of the current plan as "already have" (the same edit as texting "have rice") or unticks it.
 * Unticking has no chat phrase yet, so it is done here: the item goes back on the list and into the cost.
 */
export async function setAtHome(
  deps: EditPlanDeps,
  user: User,
  foodId: string,
  atHome: boolean,
  locale: Locale,
): Promise<AtHomeOutcome> {
  const stored = await deps.stores.plans.current(user.id, deps.clock.now());
  if (!stored) return { status: 'no_plan' };
  const item = stored.plan.groceryList.find((entry) => entry.foodId === foodId);
  if (!item) return { status: 'unknown_item' };
  let message: string;
  if (atHome) {
    // By the item's own name, so the edit is exactly the chat's.
    [message = ''] = await editPlan(deps, user, { kind: 'have_items', items: [item.name] }, locale);
    // A name shared by several items marks them all in chat; a tick marks this one at least.
    const after = await deps.stores.plans.current(user.id, deps.clock.now());
    if (after && !(after.atHome ?? []).includes(foodId))
      await deps.stores.plans.update({ ...after, atHome: [...(after.atHome ?? []), foodId] });
  } else {
    await deps.stores.plans.update({
      ...stored,
      atHome: (stored.atHome ?? []).filter((id) => id !== foodId),
    });
    message = BACK_ON_LIST[locale](item.name);
  }
  const plan = (await deps.stores.plans.current(user.id, deps.clock.now())) ?? stored;
  return { status: 'done', message, plan };
}
