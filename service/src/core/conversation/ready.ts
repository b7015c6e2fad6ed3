import type { Profile } from '../domain/profile.ts';
import type { Decision } from './conversation-types.ts';
import { isFoodLog } from './food-log-intent.ts';
import type { Brand, MessageCatalog } from './messages/index.ts';
import { parseProfileUpdate } from './parse/index.ts';
import { isPlanRequest, planRequestFromProfile } from './plan-intent.ts';
import { planQuery } from './plan-queries.ts';
import { changedFields, describeProfile } from './profile-summary.ts';
import { applyProfileUpdate } from './profile-update.ts';

const PROFILE_REQUEST = /^\s*(my\s+)?(profile|perfil|mi perfil|settings|my details|me)\s*[?.!]*\s*$/i;

/** A fully onboarded user: show or change the profile, otherwise the menu of what they can say. */
export function respondWhenReady(
  text: string,
  profile: Profile,
  base: Decision,
  m: MessageCatalog,
  brand: Brand,
): Decision {
  if (isFoodLog(text)) return { ...base, effect: { kind: 'log_food', text } };
  const query = planQuery(text);
  if (query) return { ...base, effect: query };
  if (isPlanRequest(text)) {
    const readiness = planRequestFromProfile(profile, m.you());
    if (readiness.ok) return { ...base, effect: { kind: 'plan_week', request: readiness.request } };
    const missing = { body: m.planNeedsBody, household: m.planNeedsHousehold, profile: m.planNeedsProfile };
    return { ...base, replies: [missing[readiness.missing]()] };
  }
  if (PROFILE_REQUEST.test(text))
    return { ...base, replies: [m.profileSummary(describeProfile(profile, m))] };
  const { tooYoung, ...update } = parseProfileUpdate(text);
  if (tooYoung) return { ...base, ...ineligible(), replies: [m.tooYoung(brand)] };
  const next = applyProfileUpdate(profile, update);
  const changed = changedFields(profile, next);
  if (changed.length > 0) {
    return { ...base, profile: next, replies: [m.updated(describeProfile(next, m, changed))] };
  }
  return { ...base, replies: [m.menu()] };
}

/** Under 13 (COPPA): stop, and drop everything they told us. */
export function ineligible(): Pick<Decision, 'profile' | 'state' | 'mayLogBodies' | 'eraseProfile'> {
  return {
    profile: {},
    state: { stage: 'ineligible', bodyDone: false },
    mayLogBodies: false,
    eraseProfile: true,
  };
}
