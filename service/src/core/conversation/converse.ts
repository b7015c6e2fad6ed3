import type { Locale } from '../domain/user.ts';
import type { ConversationContext, ConversationSettings, Decision, Inbound } from './conversation-types.ts';
import type { DialogueState } from './dialogue-state.ts';
import { ownershipDecision } from './dormancy.ts';
import { answerFoodChoice, withoutFoodChoice } from './food-choice.ts';
import { answerMembers, keepAskingForMembers } from './household/household-intent.ts';
import { householdDecision, invitationAfterConsent } from './household/invitation-intent.ts';
import { classifyKeyword, type Keyword } from './keywords.ts';
import { keepLanguageChoice, switchLanguage } from './language-switch.ts';
import { detectLocale } from './locale.ts';
import { type MessageCatalog, messagesFor } from './messages/index.ts';
import { applyAnswer, nextQuestion, questionText } from './onboarding.ts';
import { parseYesNo } from './parse/index.ts';
import { privacyDecision, withoutPendingErasure } from './privacy-intent.ts';
import { profileChangeDecision } from './profile-changes.ts';
import { changedFields, describeProfile } from './profile-summary.ts';
import { afterSafetyReply } from './question-intent.ts';
import { ineligible, respondWhenReady } from './ready.ts';
import { beforeConsent, classifySafety, safetyReply } from './safety/index.ts';

/**
 * The conversation as a pure function. Compliance keywords come first and in the reference's precedence:
 * an opt-out always wins; while opted out only opt-in and help words get an answer; YES answers what is pending.
 */
export function converse(
  inbound: Inbound,
  ctx: ConversationContext,
  settings: ConversationSettings,
): Decision {
  return keepLanguageChoice(ctx, decide(inbound, ctx, settings));
}

function decide(inbound: Inbound, ctx: ConversationContext, settings: ConversationSettings): Decision {
  const keyword = classifyKeyword(inbound.text);
  const firstContact = ctx.state.stage === 'new';
  // A language the user chose explicitly is kept; otherwise a Spanish keyword or first message picks Spanish.
  const locale = ctx.state.languageChosen
    ? ctx.locale
    : keyword?.spanish
      ? 'es'
      : firstContact
        ? detectLocale(inbound.text, ctx.locale)
        : ctx.locale;
  const base = baseDecision(ctx, locale);
  const m = messagesFor(locale);

  if (keyword?.kind === 'opt_out') {
    return {
      ...base,
      replies: settings.providerConfirmsOptOut ? [] : [m.optOutConfirmation(settings.brand)],
      consentChanges: [{ purpose: 'messaging', granted: false, method: `keyword:${keyword.word}` }],
    };
  }
  // A number quiet for long may have a new holder: nothing personal and no link until ME or NEW (dormancy.ts).
  const ownership = ownershipDecision(inbound.text, keyword, ctx, base);
  if (ownership) return ownership;
  // Export and erasure come before the opted-out gate: a number that only sent STOP can still be erased.
  const privacy = privacyDecision(inbound.text, ctx, base);
  if (privacy) return privacy;
  if (ctx.optedOut) return whileOptedOut(keyword, ctx, base, m, settings);
  if (keyword?.kind === 'help') return { ...base, replies: [m.help(settings.brand)] };
  if (keyword?.kind === 'opt_in') return { ...base, replies: [m.optInConfirmation(settings.brand)] };
  return converseAfterKeywords(inbound, ctx, settings, base, m);
}

function baseDecision(ctx: ConversationContext, locale: Locale): Decision {
  return {
    replies: [],
    // A food question or a pending erasure lapses unless this message answers it.
    state: withoutPendingErasure(withoutFoodChoice(ctx.state)),
    profile: ctx.profile,
    locale,
    consentChanges: [],
    mayLogBodies: ctx.consented,
    eraseProfile: false,
  };
}

function whileOptedOut(
  keyword: Keyword | undefined,
  ctx: ConversationContext,
  base: Decision,
  m: MessageCatalog,
  settings: ConversationSettings,
): Decision {
  if (keyword?.kind === 'help') return { ...base, replies: [m.help(settings.brand)] };
  if (keyword?.kind !== 'opt_in' && keyword?.kind !== 'affirmative') return { ...base, mayLogBodies: false };
  const replies = [m.optInConfirmation(settings.brand)];
  if (!ctx.consented) replies.push(m.consentReminder());
  const state: DialogueState = ctx.consented ? ctx.state : { ...ctx.state, stage: 'awaiting_consent' };
  return {
    ...base,
    state,
    replies,
    consentChanges: [{ purpose: 'messaging', granted: true, method: `keyword:${keyword.word}` }],
  };
}

function converseAfterKeywords(
  inbound: Inbound,
  ctx: ConversationContext,
  settings: ConversationSettings,
  base: Decision,
  m: MessageCatalog,
): Decision {
  const stage = ctx.consented && ctx.state.stage === 'new' ? 'onboarding' : ctx.state.stage;
  const safety = classifySafety(inbound.text);
  // A crisis gets the crisis line at once, whatever the stage and before consent too (nothing is stored then).
  if (safety.category === 'self_harm_crisis') {
    return { ...base, replies: safetyReply('self_harm_crisis', base.locale, settings.brand) };
  }
  // "español" / "LANG EN" at any stage, before consent too.
  const language = switchLanguage(inbound.text, ctx, settings, base, stage);
  if (language) return language;
  // Before the consent check: someone turned away for age is not onboarded by a later YES.
  if (stage === 'ineligible') return { ...base, replies: [m.tooYoung(settings.brand)], mayLogBodies: false };
  if (!ctx.consented || stage === 'new' || stage === 'awaiting_consent') {
    const early = beforeConsent(safety.category);
    if (early === 'turn_away') return { ...base, ...ineligible(), replies: [m.tooYoung(settings.brand)] };
    const consent = invitationAfterConsent(askConsent(inbound, ctx, settings, base, m), ctx);
    if (early === 'ask_consent') return consent;
    const support = safetyReply(safety.category, base.locale, settings.brand);
    return { ...consent, replies: [...support, ...consent.replies] };
  }
  // While the other members are awaited, "10 f, 8 m" gives their ages, not the sender's.
  const awaitingMembers = stage === 'ready' && ctx.state.awaitingMembers === true;
  if (awaitingMembers && (safety.category === 'none' || safety.category === 'minor_under_13')) {
    const members = answerMembers(inbound.text, ctx.profile, base, m);
    if (members) return members;
  }
  if (safety.category === 'minor_under_13')
    return { ...base, ...ineligible(), replies: [m.tooYoung(settings.brand)] };
  // Safety before any other intent: eating-disorder signals, sub-floor requests, minors, pregnancy, medical
  // conditions and allergen-free questions get their safe answer; onboarding then asks its question again.
  if (safety.category !== 'none') {
    const pending = stage === 'onboarding' && ctx.state.pending ? [questionText(ctx.state.pending, m)] : [];
    const replies = [...safetyReply(safety.category, base.locale, settings.brand), ...pending];
    // "Is oatmeal OK for diabetics?": after the safety reply, general facts that defer to the clinician.
    if (stage === 'ready' && (safety.category === 'pregnancy' || safety.category === 'medical'))
      return afterSafetyReply(inbound.text, base, replies);
    return { ...base, replies };
  }

  if (inbound.hasMedia) {
    const pending = ctx.state.pending;
    const reask = stage === 'onboarding' && pending ? [questionText(pending, m)] : [];
    return { ...base, replies: [m.photoNotRead(), ...reask] };
  }
  // Invitation answers, household commands and a joined member's own onboarding (invitation-intent.ts).
  const household = householdDecision(inbound.text, ctx, base, m, stage, settings.brand);
  if (household) return household;
  // An answer to "did you mean …?" ("greek", "the second one") before any other reading of a short reply.
  const chosen = answerFoodChoice(inbound.text, ctx.state.foodChoice, base);
  if (chosen) return chosen;
  const changed = profileChangeDecision(inbound.text, ctx, base, m, stage);
  if (changed) return awaitingMembers ? keepAskingForMembers(changed, base, m) : changed;
  if (stage === 'onboarding') return onboard(inbound.text, ctx, settings, base, m);
  const routed = respondWhenReady(inbound.text, ctx.profile, base, m, settings.brand);
  return awaitingMembers ? keepAskingForMembers(routed, base, m) : routed;
}

function askConsent(
  inbound: Inbound,
  ctx: ConversationContext,
  settings: ConversationSettings,
  base: Decision,
  m: MessageCatalog,
): Decision {
  const consentOnly = { ...base, mayLogBodies: false };
  if (ctx.state.stage === 'new' && !ctx.consented) {
    return {
      ...consentOnly,
      state: { ...ctx.state, stage: 'awaiting_consent' },
      replies: m.welcome(settings.brand, settings.privacyUrl),
    };
  }
  const answer = classifyKeyword(inbound.text)?.kind === 'affirmative' ? 'yes' : parseYesNo(inbound.text);
  if (answer === 'no') {
    return {
      ...consentOnly,
      replies: [m.consentDeclined()],
      consentChanges: [{ purpose: 'health_data', granted: false, method: 'reply:NO' }],
    };
  }
  if (answer !== 'yes') return { ...consentOnly, replies: [m.consentReminder()] };
  const question = nextQuestion(ctx.profile, ctx.state.bodyDone) ?? 'goal';
  return {
    ...consentOnly,
    state: { stage: 'onboarding', pending: question, bodyDone: ctx.state.bodyDone },
    replies: [`${m.consentGiven()} ${questionText(question, m)}`],
    consentChanges: [
      { purpose: 'health_data', granted: true, method: 'reply:YES' },
      { purpose: 'messaging', granted: true, method: 'reply:YES' },
    ],
  };
}

function onboard(
  text: string,
  ctx: ConversationContext,
  settings: ConversationSettings,
  base: Decision,
  m: MessageCatalog,
): Decision {
  const pending = ctx.state.pending ?? nextQuestion(ctx.profile, ctx.state.bodyDone) ?? 'body';
  const outcome = applyAnswer(pending, text, ctx.profile);
  switch (outcome.kind) {
    case 'too_young':
      return { ...base, ...ineligible(), replies: [m.tooYoung(settings.brand)] };
    case 'body_out_of_range':
      return { ...base, replies: [m.bodyOutOfRange()] };
    case 'not_understood':
      return { ...base, replies: [m.notUnderstood(questionText(pending, m))] };
    case 'answered': {
      const bodyDone = ctx.state.bodyDone || outcome.bodyDone;
      const next = nextQuestion(outcome.profile, bodyDone);
      const corrected = changedFields(ctx.profile, outcome.profile).filter(
        (field) => !answers(pending, field),
      );
      const prefix =
        corrected.length > 0 ? `${m.updated(describeProfile(outcome.profile, m, corrected))} ` : '';
      if (next === undefined) {
        return {
          ...base,
          profile: outcome.profile,
          state: { stage: 'ready', bodyDone },
          replies: m.onboardingComplete(describeProfile(outcome.profile, m)),
        };
      }
      return {
        ...base,
        profile: outcome.profile,
        state: { stage: 'onboarding', pending: next, bodyDone },
        replies: [`${prefix}${questionText(next, m)}`],
      };
    }
  }
}

function answers(question: string, field: string): boolean {
  return question === field || question.split('_').includes(field);
}
