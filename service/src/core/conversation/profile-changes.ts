import type { Profile } from '../domain/profile.ts';
import { UNDERWEIGHT_BMI } from '../nutrition/targets/energy-policy.ts';
import { bmi } from '../nutrition/targets/index.ts';
import type { ConversationContext, Decision } from './conversation-types.ts';
import type { DialogueState } from './dialogue-state.ts';
import { MAX_PLANNER_DISLIKES, resolveDislike, sameDislike } from './dislike-foods.ts';
import type { MessageCatalog } from './messages/index.ts';
import { questionText } from './onboarding.ts';
import { parseDislikeChange } from './parse/dislikes.ts';
import { type GoalWeightParse, parseGoalWeight } from './parse/goal-weight.ts';
import { parseProfileUpdate } from './parse/index.ts';
import { parseTimeZone } from './parse/time-zone.ts';
import { changedFields, describeProfile, type ProfileField } from './profile-summary.ts';
import { applyProfileUpdate } from './profile-update.ts';

/** The profile after the message and the one reply that confirms it (or explains why nothing changed). */
export interface ProfileChange {
  profile: Profile;
  reply: string;
}

/**
 * Goal weight, dislikes and time zone stated in free text, at any stage after consent. Undefined when the message
 * is about none of them, so the caller's usual handling runs. One of the three per message, in that order.
 */
export function profileChange(text: string, profile: Profile, m: MessageCatalog): ProfileChange | undefined {
  const goalWeight = parseGoalWeight(text);
  if (goalWeight) return changeGoalWeight(goalWeight, profile, m);
  const zone = parseTimeZone(text);
  if (zone) {
    if (zone.kind === 'unknown') return { profile, reply: m.timeZoneUnknown() };
    return confirm(profile, { ...profile, timeZone: zone.zone }, 'timeZone', [], m);
  }
  return changeDislikes(text, profile, m);
}

function changeGoalWeight(
  parsed: GoalWeightParse,
  profile: Profile,
  m: MessageCatalog,
): ProfileChange | undefined {
  // The rest of the message may say more ("I'm 168 cm and my goal weight is 60 kg"): it is read first, so the
  // goal weight is checked against the height it gives.
  const { tooYoung, ...extra } = parseProfileUpdate(parsed.rest);
  if (tooYoung) return undefined;
  const base = applyProfileUpdate(profile, extra);
  const refuse = (reply: string): ProfileChange =>
    changedFields(profile, base).length > 0
      ? {
          profile: base,
          reply: `${m.updated(describeProfile(base, m, changedFields(profile, base)))} ${reply}`,
        }
      : { profile, reply };
  switch (parsed.kind) {
    case 'clear': {
      const { goalWeightKg: _dropped, ...next } = base;
      return confirm(profile, next, 'goalWeight', [], m);
    }
    case 'no_unit':
      return refuse(m.goalWeightNeedsUnit());
    case 'out_of_range':
      return refuse(m.goalWeightOutOfRange());
    case 'too_low':
      return refuse(m.goalWeightTooLow());
    case 'set': {
      const problem = goalWeightProblem(parsed.kg, base);
      if (problem === 'too_low') return refuse(m.goalWeightTooLow());
      if (problem === 'needs_height') return refuse(m.goalWeightNeedsHeight());
      if (problem !== undefined) return refuse(m.goalWeightConflict(problem));
      return confirm(profile, { ...base, goalWeightKg: parsed.kg }, 'goalWeight', [], m);
    }
  }
}

/**
 * Safety reference: a goal BMI under 18.5 is refused (from 13 up, as the targets calculator does). Without a height
 * the BMI is unknown, so the goal waits for it. A goal on the wrong side of the current weight for the stated goal
 * is questioned rather than stored.
 */
export function goalWeightProblem(
  kg: number,
  profile: Profile,
): 'too_low' | 'needs_height' | 'lose' | 'gain' | undefined {
  const heightCm = profile.body?.heightCm;
  if (heightCm === undefined) return 'needs_height';
  if (bmi(kg, heightCm) < UNDERWEIGHT_BMI) return 'too_low';
  const weightKg = profile.body?.weightKg;
  if (weightKg === undefined) return undefined;
  if (profile.goal === 'lose' && kg > weightKg) return 'lose';
  if (profile.goal === 'gain' && kg < weightKg) return 'gain';
  return undefined;
}

/** The goal weight to plan toward: only while it still passes the checks it was stored with (height may change). */
export function plannableGoalWeight(profile: Profile): number | undefined {
  const kg = profile.goalWeightKg;
  return kg !== undefined && goalWeightProblem(kg, profile) === undefined ? kg : undefined;
}

function changeDislikes(text: string, profile: Profile, m: MessageCatalog): ProfileChange | undefined {
  const change = parseDislikeChange(text);
  if (!change) return undefined;
  const current = profile.dislikes ?? [];
  let kept = [...current];
  const notListed: string[] = [];
  for (const name of change.remove) {
    const corrected = resolveDislike(name)?.name ?? name;
    const listed = kept.filter((entry) => sameDislike(entry, name) || sameDislike(entry, corrected));
    if (listed.length === 0) notListed.push(name);
    kept = kept.filter((entry) => !listed.includes(entry));
  }
  if (change.removeOnlyIfListed && kept.length === current.length) return undefined;

  const unknown: string[] = [];
  const added: string[] = [];
  let alreadyListed = false;
  for (const name of change.add) {
    const resolved = resolveDislike(name);
    if (resolved === undefined) {
      unknown.push(name);
      continue;
    }
    const already = [...kept, ...added].some((entry) => sameDislike(entry, resolved.name));
    if (already) alreadyListed = true;
    else added.push(resolved.name);
  }
  const notes: string[] = [];
  const tooMany = kept.length + added.length > MAX_PLANNER_DISLIKES;
  if (tooMany) notes.push(m.dislikesTooMany(MAX_PLANNER_DISLIKES));
  if (unknown.length > 0) notes.push(m.dislikesUnknown(unknown.join(', ')));
  if (notListed.length > 0) notes.push(m.dislikesNotListed(notListed.join(', ')));
  const next = tooMany ? kept : [...kept, ...added];
  const changed = JSON.stringify(next) !== JSON.stringify(current);
  // Nothing to confirm: only notes (an unknown food, a full list, a take-back of something not listed).
  if (!changed && !(alreadyListed && !tooMany)) return { profile, reply: notes.join(' ') };
  return confirm(profile, { ...profile, dislikes: next }, 'dislikes', notes, m);
}

/** "Got it. Dislikes: cilantro." for the field touched (even when it already had that value) and any other change. */
function confirm(
  before: Profile,
  after: Profile,
  field: ProfileField,
  notes: readonly string[],
  m: MessageCatalog,
): ProfileChange {
  const fields = [...new Set<ProfileField>([...changedFields(before, after), field])];
  return { profile: after, reply: [m.updated(describeProfile(after, m, fields)), ...notes].join(' ') };
}

/**
 * Goal weight, dislikes or time zone changed in free text once consent is given: confirmed, and during onboarding
 * followed by the question still pending.
 */
export function profileChangeDecision(
  text: string,
  ctx: ConversationContext,
  base: Decision,
  m: MessageCatalog,
  stage: DialogueState['stage'],
): Decision | undefined {
  if (stage !== 'onboarding' && stage !== 'ready') return undefined;
  const change = profileChange(text, ctx.profile, m);
  if (!change) return undefined;
  const pending = stage === 'onboarding' ? ctx.state.pending : undefined;
  const question = pending ? ` ${questionText(pending, m)}` : '';
  return { ...base, profile: change.profile, replies: [`${change.reply}${question}`] };
}
