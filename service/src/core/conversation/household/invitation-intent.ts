import type { ConversationContext, Decision } from '../conversation-types.ts';
import type { DialogueState, Question } from '../dialogue-state.ts';
import { classifyKeyword } from '../keywords.ts';
import type { Brand, MessageCatalog } from '../messages/index.ts';
import { applyAnswer, nextQuestion, questionText } from '../onboarding.ts';
import { parseYesNo } from '../parse/index.ts';
import { isPlanRequest } from '../plan-intent.ts';
import { ineligible } from '../ready.ts';
import { planDecision } from './household-intent.ts';
import { type InvitationMessages, invitationMessagesFor } from './invitation-messages.ts';
import { parseHouseholdCommand, sameWords } from './invitation-parse.ts';
import type { HouseholdContext } from './invitation-types.ts';

/** Members who join by phone, per household; enough for a family and a bound on invitations sent. */
export const MAX_PHONE_MEMBERS = 8;

/** Why an invitation to `phone` may not go out (the chat and the web page alike), or undefined when it may. */
export function inviteRefusal(
  phone: string,
  household: HouseholdContext,
  h: InvitationMessages,
): string | undefined {
  if (phone === household.phone) return h.ownNumber();
  // A member does not run a household of their own inside another one.
  if (household.membership) return h.cannotInvite();
  if (household.links.length >= MAX_PHONE_MEMBERS) return h.tooMany(MAX_PHONE_MEMBERS);
  return undefined;
}

/**
 * Household commands and answers for a consented user: the reply to an invitation (YES answers it whenever one
 * waits; NO only right after it was asked, or once onboarded, since NO answers onboarding questions too), the
 * owner's "add my wife +1…", "family", "remove Ana", the member's "leave family", and a member's own onboarding
 * (no household or budget questions: the owner's plan carries those). Undefined when the message is none of these.
 */
export function householdDecision(
  text: string,
  ctx: ConversationContext,
  base: Decision,
  m: MessageCatalog,
  stage: DialogueState['stage'],
  brand: Brand,
): Decision | undefined {
  const household = ctx.household;
  const h = invitationMessagesFor(base.locale);
  const answer = household ? answerInvitation(text, ctx, household, base, m, stage) : undefined;
  if (answer) return answer;
  const command = parseHouseholdCommand(text, household?.phone);
  // Without a household store only an unmistakable invitation is answered; "remove …" may mean something else.
  if (!household)
    return command && command.kind !== 'remove' ? { ...base, replies: [h.unavailable()] } : undefined;
  if (household && command) {
    switch (command.kind) {
      case 'list':
        return { ...base, effect: { kind: 'household_list' } };
      case 'leave':
        return household.membership
          ? {
              ...base,
              effect: { kind: 'household_leave', invitationId: household.membership.id },
              consentChanges: [
                { purpose: 'household_sharing', granted: false, method: 'reply:LEAVE FAMILY' },
              ],
            }
          : { ...base, replies: [h.notAMember()] };
      case 'remove': {
        const removal = removeDecision(command.who, household, base);
        if (removal) return removal;
        break;
      }
      case 'bad_number':
        return { ...base, replies: [h.badNumber()] };
      case 'invite': {
        const refusal = inviteRefusal(command.phone, household, h);
        if (refusal) return { ...base, replies: [refusal] };
        const { kind: _kind, ...invite } = command;
        return { ...base, effect: { kind: 'household_invite', ...invite } };
      }
    }
  }
  if (household && stage === 'ready' && isPlanRequest(text) && household.links.some((link) => link.joined))
    return planWithJoinedMembers(ctx, household, base, m);
  const membership = household?.membership;
  if (!membership) return undefined;
  if (stage === 'ready' && isPlanRequest(text))
    return { ...base, replies: [h.memberPlan(membership.ownerLast4)] };
  if (stage === 'onboarding') return onboardMember(text, ctx, base, m, brand);
  return undefined;
}

function answerInvitation(
  text: string,
  ctx: ConversationContext,
  household: HouseholdContext,
  base: Decision,
  m: MessageCatalog,
  stage: DialogueState['stage'],
): Decision | undefined {
  const invitation = household.invitation;
  if (!invitation || !ctx.consented) return undefined;
  const yes = classifyKeyword(text)?.kind === 'affirmative' || parseYesNo(text) === 'yes';
  const no = !yes && parseYesNo(text) === 'no' && (ctx.state.invitationAsked === true || stage === 'ready');
  if (!yes && !no) return undefined;
  const state: DialogueState = { ...base.state, invitationAsked: undefined };
  let next: string[] = [];
  if (stage === 'onboarding') {
    const question = yes ? memberNextQuestion(ctx) : nextQuestion(ctx.profile, ctx.state.bodyDone);
    if (question) {
      state.pending = question;
      next = [questionText(question, m)];
    } else {
      state.stage = 'ready';
      state.pending = undefined;
      next = yes ? [invitationMessagesFor(base.locale).memberComplete()] : m.onboardingComplete('');
    }
  }
  return {
    ...base,
    state,
    effect: { kind: 'household_answer', invitationId: invitation.id, accept: yes, next },
    consentChanges: yes ? [{ purpose: 'household_sharing', granted: true, method: 'reply:YES' }] : [],
  };
}

/** A member's onboarding asks only what their own portions need: goal, allergies and diet, body data. */
function memberNextQuestion(ctx: Pick<ConversationContext, 'profile' | 'state'>): Question | undefined {
  const question = nextQuestion(ctx.profile, ctx.state.bodyDone);
  if (question === 'household_budget' || question === 'household' || question === 'budget')
    return ctx.state.bodyDone ? undefined : 'body';
  return question;
}

function onboardMember(
  text: string,
  ctx: ConversationContext,
  base: Decision,
  m: MessageCatalog,
  brand: Brand,
): Decision {
  const pending = ctx.state.pending ?? memberNextQuestion(ctx) ?? 'body';
  const outcome = applyAnswer(pending, text, ctx.profile);
  switch (outcome.kind) {
    case 'too_young':
      return { ...base, ...ineligible(), replies: [m.tooYoung(brand)] };
    case 'body_out_of_range':
      return { ...base, replies: [m.bodyOutOfRange()] };
    case 'not_understood':
      return { ...base, replies: [m.notUnderstood(questionText(pending, m))] };
    case 'answered': {
      const bodyDone = ctx.state.bodyDone || outcome.bodyDone;
      const next = memberNextQuestion({ profile: outcome.profile, state: { ...ctx.state, bodyDone } });
      if (next === undefined) {
        return {
          ...base,
          profile: outcome.profile,
          state: { stage: 'ready', bodyDone },
          replies: [invitationMessagesFor(base.locale).memberComplete()],
        };
      }
      return {
        ...base,
        profile: outcome.profile,
        state: { stage: 'onboarding', pending: next, bodyDone },
        replies: [questionText(next, m)],
      };
    }
  }
}

/**
 * "plan" for an owner whose household has members who joined by phone: always queued as a household plan (the
 * job adds the joined members from their own profiles). Members the owner counted but who joined by phone need
 * no describing.
 */
function planWithJoinedMembers(
  ctx: ConversationContext,
  household: HouseholdContext,
  base: Decision,
  m: MessageCatalog,
): Decision {
  const counted = ctx.profile.household;
  const joined = household.links.filter((link) => link.joined).length;
  const described =
    counted && counted.members === undefined && counted.adults + counted.children - 1 <= joined
      ? { ...ctx.profile, household: { ...counted, members: [] } }
      : ctx.profile;
  const decision = planDecision(described, { ...base, profile: described }, m);
  const planned = { ...decision, profile: ctx.profile };
  if (planned.effect?.kind !== 'plan_week') return planned;
  return { ...planned, effect: { kind: 'plan_household', request: planned.effect.request, notes: [] } };
}

const OWNER_WORDS = /^(?:(?:my|mi|a|the)\s+)+/iu;

function removeDecision(who: string, household: HouseholdContext, base: Decision): Decision | undefined {
  const h = invitationMessagesFor(base.locale);
  const wanted = who.replace(OWNER_WORDS, '');
  const found = household.links.find(
    (link) =>
      (link.name !== undefined && sameWords(link.name, wanted)) ||
      (link.relationWord !== undefined && sameWords(link.relationWord, wanted)) ||
      sameWords(h.label(link.name, link.relationWord), wanted),
  );
  // "remove mushrooms from dislikes" is someone else's intent: only a household with links hears "no one called".
  if (!found && (household.links.length === 0 || /\b(?:from|de|of|del)\b/iu.test(wanted))) return undefined;
  if (!found) {
    // Echo only letters and spaces, and not much of them: the reply never carries markup back.
    const shown =
      wanted
        .replace(/[^\p{L}\p{N} '-]/gu, '')
        .slice(0, 30)
        .trim() || '?';
    return { ...base, replies: [h.noOneCalled(shown)] };
  }
  return {
    ...base,
    effect: {
      kind: 'household_remove',
      invitationId: found.id,
      label: h.label(found.name, found.relationWord),
      joined: found.joined,
    },
  };
}

/**
 * The consent question comes before an invitation (reference: YES answers the consent question first): the
 * welcome says an invitation waits, and the YES that gives consent is followed by the invitation, not onboarding.
 */
export function invitationAfterConsent(decision: Decision, ctx: ConversationContext): Decision {
  const invitation = ctx.household?.invitation;
  if (!invitation) return decision;
  const h = invitationMessagesFor(decision.locale);
  const consentGiven = decision.consentChanges.some(
    (change) => change.purpose === 'health_data' && change.granted,
  );
  if (consentGiven) {
    return {
      ...decision,
      state: { ...decision.state, invitationAsked: true },
      replies: [h.askToJoin(invitation.ownerLast4)],
    };
  }
  if (ctx.state.stage === 'new' && decision.state.stage === 'awaiting_consent')
    return { ...decision, replies: [...decision.replies, h.invitationAfterConsent()] };
  return decision;
}
