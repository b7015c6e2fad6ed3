import type { Profile } from '../domain/profile.ts';
import { billingDecision } from './billing-intent.ts';
import type { Decision } from './conversation-types.ts';
import { bareFoodLogDecision, foodLogDecision } from './food-choice.ts';
import { isFoodLog } from './food-log-intent.ts';
import { planDecision, redescribeMembers } from './household/household-intent.ts';
import type { Brand, MessageCatalog } from './messages/index.ts';
import { parseProfileUpdate } from './parse/index.ts';
import { parsePlanEdit } from './plan-edit-intent.ts';
import { isPlanRequest } from './plan-intent.ts';
import { planQuery } from './plan-queries.ts';
import { changedFields, describeProfile, profileReplies } from './profile-summary.ts';
import { applyProfileUpdate } from './profile-update.ts';
import { questionDecision } from './question-intent.ts';
import { webSignInDecision } from './web-sign-in.ts';
import { weeklyDeliveryDecision } from './weekly-delivery-intent.ts';

const PROFILE_REQUEST = /^\s*(my\s+)?(profile|perfil|mi perfil|settings|my details|me)\s*[?.!]*\s*$/i;

/** A fully onboarded user: show or change the profile, otherwise the menu of what they can say. */
export function respondWhenReady(
  text: string,
  profile: Profile,
  base: Decision,
  m: MessageCatalog,
  brand: Brand,
): Decision {
  // Billing phrases are whole messages ("upgrade", "cancel subscription"): before the knowledge base reads them.
  const billing = billingDecision(text, base);
  if (billing) return billing;
  // First: its phrases are strict, and "sin plan semanal" must not become a plan edit.
  const weekly = weeklyDeliveryDecision(text, base, m);
  if (weekly) return weekly;
  const signIn = webSignInDecision(text, base);
  if (signIn) return signIn;
  // Before food logging: "have rice" (already at home) must never be read as "had rice".
  const edit = parsePlanEdit(text);
  if (edit?.kind === 'swap_which') return { ...base, replies: [m.planEdit.swapWhich()] };
  if (edit) return { ...base, effect: edit };
  if (isFoodLog(text)) return foodLogDecision(text, base);
  const query = planQuery(text);
  if (query) return { ...base, effect: query };
  if (isPlanRequest(text)) return planDecision(profile, base, m);
  if (PROFILE_REQUEST.test(text)) return { ...base, replies: profileReplies(profile, m) };
  const members = redescribeMembers(text, profile, base, m);
  if (members) return members;
  const { tooYoung, ...update } = parseProfileUpdate(text);
  if (tooYoung) return { ...base, ...ineligible(), replies: [m.tooYoung(brand)] };
  const next = applyProfileUpdate(profile, update);
  const changed = changedFields(profile, next);
  if (changed.length > 0) {
    return { ...base, profile: next, replies: [m.updated(describeProfile(next, m, changed))] };
  }
  // Last: an open question goes to the knowledge base; anything else gets the menu of what the coach can do.
  return bareFoodLogDecision(text, base) ?? questionDecision(text, base, m);
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
