import type { Household, Profile } from '../domain/profile.ts';

/**
 * Applies what a message said about the profile. Allergies only ever accumulate from free text ("I'm allergic to
 * peanuts now" adds peanuts): dropping an allergy by accident could harm someone, so removal is never implied.
 */
export function applyProfileUpdate(profile: Profile, update: Profile): Profile {
  const next: Profile = { ...profile };
  if (update.goal !== undefined) next.goal = update.goal;
  if (update.diet !== undefined) next.diet = update.diet;
  if (update.household !== undefined) next.household = keepMembers(profile.household, update.household);
  if (update.budget !== undefined) next.budget = update.budget;
  if (update.body !== undefined) next.body = { ...profile.body, ...update.body };
  if (update.allergies !== undefined) {
    next.allergies = [...new Set([...(profile.allergies ?? []), ...update.allergies])];
  }
  return next;
}

/** Restating the same household ("family of 4") keeps the members described; a new head count drops them. */
function keepMembers(before: Household | undefined, after: Household): Household {
  const members = before?.members;
  if (after.members !== undefined || members === undefined) return after;
  const same = before?.adults === after.adults && before?.children === after.children;
  return same ? { ...after, members } : after;
}
