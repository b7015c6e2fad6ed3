import { planCacheTag, userCacheTag } from '../core/cache/cache-tags.ts';
import type { StoredPlan } from '../core/domain/stored-plan.ts';
import type { Cache } from '../core/ports/cache.port.ts';
import { planPage } from './plan-page.ts';

/** How long a rendered plan page is kept at most (never past the plan's own expiry). */
export const PLAN_PAGE_CACHE_SECONDS = 3_600;

/**
 * The `/p/<token>` page, rendered once per version of the plan. The plan is always read from the store first
 * (so an expired or erased plan is a 404 whatever the cache holds); the cache only saves the rendering.
 *
 * The key is the plan id and a digest of everything the page shows (the stored plan and the brand), so an edited
 * plan — a swap, "no fish", "have rice" — gets a new key and never its old HTML, even if dropping the old entry
 * failed. The link's token is a secret and is never part of a key.
 */
export async function cachedPlanPage(
  cache: Cache | undefined,
  brandName: string,
  stored: StoredPlan,
  now: Date,
): Promise<string> {
  if (cache === undefined) return planPage(brandName, stored);
  const key = `plan-page:${stored.id}:${await contentVersion(brandName, stored)}`;
  const hit = await cache.get(key);
  if (typeof hit === 'string') return hit;
  const html = planPage(brandName, stored);
  const untilExpiry = Math.floor((Date.parse(stored.expiresAt) - now.getTime()) / 1000);
  const ttlSeconds = Math.min(PLAN_PAGE_CACHE_SECONDS, untilExpiry);
  if (ttlSeconds >= 1)
    await cache.set(key, html, {
      ttlSeconds,
      tags: [userCacheTag(stored.userId), planCacheTag(stored.id)],
    });
  return html;
}

/** SHA-256 of the page's inputs, base64url: a new version for any change, however small. */
async function contentVersion(brandName: string, stored: StoredPlan): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([brandName, stored]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
