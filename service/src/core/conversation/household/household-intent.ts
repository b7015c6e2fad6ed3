import type { Household, Member, Profile } from '../../domain/profile.ts';
import type { Decision } from '../conversation-types.ts';
import type { MessageCatalog } from '../messages/index.ts';
import { type MembersAnswer, parseMembers } from '../parse/members.ts';
import { planRequestFromProfile } from '../plan-intent.ts';
import { householdMessagesFor } from './household-messages.ts';
import { countsOf } from './household-plan-request.ts';

/**
 * "plan": a household of one is planned inline as before; a household of more than one first needs the other
 * members described (the coach asks and waits), then is queued and answered "working on it".
 */
export function planDecision(profile: Profile, base: Decision, m: MessageCatalog): Decision {
  const h = householdMessagesFor(base.locale);
  const readiness = planRequestFromProfile(profile, m.you(), h);
  const state = { ...base.state, awaitingMembers: undefined };
  if (!readiness.ok) {
    if (readiness.missing === 'members') {
      const household = profile.household as Household;
      return {
        ...base,
        state: { ...base.state, awaitingMembers: true },
        replies: [h.askMembers(household.adults + household.children - 1)],
      };
    }
    const missing = { body: m.planNeedsBody, profile: m.planNeedsProfile };
    return { ...base, state, replies: [missing[readiness.missing]()] };
  }
  const notes = [
    ...(readiness.estimated.length > 0 ? [h.estimated(h.list(readiness.estimated))] : []),
    ...(readiness.leftOut.length > 0 ? [h.leftOutUnder3(h.list(readiness.leftOut))] : []),
  ];
  if (readiness.request.members.length === 1 && notes.length === 0) {
    // A household of one is quick enough to answer inline.
    return { ...base, state, effect: { kind: 'plan_week', request: readiness.request } };
  }
  return {
    ...base,
    state,
    effect: { kind: 'plan_household', request: readiness.request, notes },
  };
}

/** The members described, with the household counts made to agree (and the user told when they changed). */
function withMembers(profile: Profile, members: Member[]): { profile: Profile; changed: boolean } {
  const counts = countsOf(members);
  const before = profile.household;
  const changed = before?.adults !== counts.adults || before?.children !== counts.children;
  return { profile: { ...profile, household: { ...counts, members } }, changed };
}

function describeHousehold(profile: Profile, m: MessageCatalog): string {
  return profile.household ? m.household(profile.household) : '';
}

/**
 * The answer to "what are the ages and sexes of the others?". A description is stored and the plan goes ahead;
 * something that names people but misses an age or a sex is asked again; anything else is undefined, so the
 * message is routed as usual (see `keepAskingForMembers`).
 */
export function answerMembers(
  text: string,
  profile: Profile,
  base: Decision,
  m: MessageCatalog,
): Decision | undefined {
  const h = householdMessagesFor(base.locale);
  const answer: MembersAnswer = parseMembers(text);
  if (answer.kind === 'none') return undefined;
  if (answer.kind !== 'members') {
    return { ...base, replies: [h.reask(answer.kind === 'out_of_range' ? 'out_of_range' : answer.missing)] };
  }
  const next = withMembers(profile, answer.members);
  const planned = planDecision(next.profile, { ...base, profile: next.profile }, m);
  const prefix = next.changed ? [h.householdChanged(describeHousehold(next.profile, m))] : [];
  return withPrefix(planned, prefix);
}

function withPrefix(decision: Decision, prefix: string[]): Decision {
  if (prefix.length === 0) return decision;
  if (decision.effect?.kind === 'plan_household') {
    return { ...decision, effect: { ...decision.effect, notes: [...prefix, ...decision.effect.notes] } };
  }
  // Inline effects replace the replies with their own; the change is said by the plan's household anyway.
  return decision.effect ? decision : { ...decision, replies: [...prefix, ...decision.replies] };
}

/**
 * While the members are awaited, a message that was no answer has been routed as usual: if it meant nothing else
 * (the menu) the members question is asked again; any other intent ends the wait.
 */
export function keepAskingForMembers(routed: Decision, base: Decision, m: MessageCatalog): Decision {
  const meantNothing =
    routed.effect === undefined && routed.profile === base.profile && routed.replies.join() === m.menu();
  if (meantNothing) return { ...routed, replies: [householdMessagesFor(base.locale).reask('none')] };
  if (routed.state !== base.state) return routed;
  return { ...routed, state: { ...routed.state, awaitingMembers: undefined } };
}

/**
 * Outside the question, a message that describes other people by relation and age ("partner 38 male 180cm 80kg")
 * replaces the members: it must not be read as the account holder's own body data.
 */
export function redescribeMembers(
  text: string,
  profile: Profile,
  base: Decision,
  m: MessageCatalog,
): Decision | undefined {
  if ((profile.household?.adults ?? 1) + (profile.household?.children ?? 0) <= 1) return undefined;
  const answer = parseMembers(text);
  if (answer.kind !== 'members' || !answer.named) return undefined;
  const next = withMembers(profile, answer.members);
  const h = householdMessagesFor(base.locale);
  return { ...base, profile: next.profile, replies: [h.membersUpdated(describeHousehold(next.profile, m))] };
}
