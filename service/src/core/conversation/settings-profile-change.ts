import type { Allergen, Body, Goal, Profile } from '../domain/profile.ts';
import type { MessageCatalog } from './messages/index.ts';
import { goalWeightProblem } from './profile-changes.ts';
import { changedFields, describeProfile } from './profile-summary.ts';
import { applyProfileUpdate } from './profile-update.ts';

/** What the Settings page may change about the person; the same fields the chat reads from free text. */
export interface ProfileSettings {
  goal?: Goal;
  /** `null` clears it, as "no goal weight" does in the chat. */
  goalWeightKg?: number | null;
  body?: Partial<Body>;
  /**
   * The whole list, as ticked. Unlike free text (where removal is never implied), an unticked box is an explicit
   * removal, so the list replaces the old one.
   */
  allergies?: Allergen[];
}

export type SettingsProfileOutcome =
  | { ok: true; profile: Profile; reply: string }
  | {
      ok: false;
      code: 'goal_weight_too_low' | 'goal_weight_needs_height' | 'goal_weight_conflict';
      message: string;
    };

/**
 * The chat's rules for a structured change: `applyProfileUpdate` merges goal and body exactly as a message would, and
 * a goal weight passes the same checks (BMI floor for the new height, the goal's direction) or nothing is stored.
 * The reply is the chat's confirmation of what changed.
 */
export function settingsProfileChange(
  profile: Profile,
  change: ProfileSettings,
  m: MessageCatalog,
): SettingsProfileOutcome {
  const update: Profile = {
    ...(change.goal === undefined ? {} : { goal: change.goal }),
    ...(change.body === undefined ? {} : { body: change.body }),
  };
  const base = applyProfileUpdate(profile, update);
  let next: Profile =
    change.allergies === undefined ? base : { ...base, allergies: [...new Set(change.allergies)] };
  if (change.goalWeightKg === null) {
    const { goalWeightKg: _cleared, ...rest } = next;
    next = rest;
  } else if (change.goalWeightKg !== undefined) {
    const problem = goalWeightProblem(change.goalWeightKg, base);
    if (problem === 'too_low')
      return { ok: false, code: 'goal_weight_too_low', message: m.goalWeightTooLow() };
    if (problem === 'needs_height')
      return { ok: false, code: 'goal_weight_needs_height', message: m.goalWeightNeedsHeight() };
    if (problem !== undefined)
      return { ok: false, code: 'goal_weight_conflict', message: m.goalWeightConflict(problem) };
    next = { ...next, goalWeightKg: change.goalWeightKg };
  }
  const changed = changedFields(profile, next);
  return {
    ok: true,
    profile: next,
    reply: changed.length > 0 ? m.updated(describeProfile(next, m, changed)) : '',
  };
}
