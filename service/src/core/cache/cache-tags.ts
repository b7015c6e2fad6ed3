import { userCounterKeys } from '../abuse/inbound-limits.ts';
import type { Cache } from '../ports/cache.port.ts';
import type { PlanStore } from '../ports/plan-store.port.ts';

/** Every cache entry holding a user's data carries this tag, so an erasure can drop them all at once. */
export const userCacheTag = (userId: string): string => `user:${userId}`;
/** Entries rendered from one plan (its page), dropped when the plan changes. */
export const planCacheTag = (planId: string): string => `plan:${planId}`;

/**
 * After an erasure commit: nothing of the user may outlive it in a cache (GDPR Art. 17) — the entries tagged with
 * the user, and the rate-limit counters kept under their id (counters take no tags).
 */
export async function forgetUserInCache(cache: Cache | undefined, userId: string): Promise<void> {
  if (!cache) return;
  await cache.deleteTagged(userCacheTag(userId));
  for (const key of userCounterKeys(userId)) await cache.delete(key);
}

/**
 * The plan store with its cache kept clean: an updated plan's cached renderings are dropped, and so is all of a
 * user's when their plans are deleted. Cached pages are also keyed by the plan's content, so even a drop that
 * failed (Redis down) never shows an edited plan's old page; this frees the space and keeps erasure complete.
 */
export function planStoreDroppingCache(plans: PlanStore, cache: Cache): PlanStore {
  return {
    save: (plan) => plans.save(plan),
    byToken: (token, now) => plans.byToken(token, now),
    current: (userId, now) => plans.current(userId, now),
    update: async (plan) => {
      await plans.update(plan);
      await cache.deleteTagged(planCacheTag(plan.id));
    },
    listForUser: (userId, now) => plans.listForUser(userId, now),
    deleteForUser: async (userId) => {
      await plans.deleteForUser(userId);
      await forgetUserInCache(cache, userId);
    },
    purgeExpired: (now) => plans.purgeExpired(now),
  };
}
