import type { ConversationContext, ConversationSettings, Decision } from './conversation-types.ts';
import type { DialogueState } from './dialogue-state.ts';
import { languageChoice } from './locale.ts';
import { messagesFor } from './messages/index.ts';
import { nextQuestion, questionText } from './onboarding.ts';

type Stage = DialogueState['stage'];

/**
 * "español", "LANG EN", "in spanish please" at any stage, before consent too: the reply language changes and stays
 * chosen (`languageChoice` in the dialogue state), and what was pending is asked again in the new language — the
 * consent question before consent, the onboarding question during onboarding.
 */
export function switchLanguage(
  text: string,
  ctx: ConversationContext,
  settings: ConversationSettings,
  base: Decision,
  stage: Stage,
): Decision | undefined {
  const choice = languageChoice(text);
  if (choice === undefined) return undefined;
  const beforeConsent = !ctx.consented || stage === 'new' || stage === 'awaiting_consent';
  const quiet = beforeConsent ? { mayLogBodies: false } : {};
  if (choice === 'unsupported')
    return { ...base, ...quiet, replies: [messagesFor(base.locale).languageUnsupported()] };
  const m = messagesFor(choice);
  const state: DialogueState = { ...base.state, languageChosen: true };
  const done = m.languageSwitched();
  if (beforeConsent) {
    if (ctx.state.stage === 'new') {
      return {
        ...base,
        ...quiet,
        locale: choice,
        state: { ...state, stage: 'awaiting_consent' },
        replies: [done, ...m.welcome(settings.brand, settings.privacyUrl)],
      };
    }
    return { ...base, ...quiet, locale: choice, state, replies: [done, m.consentReminder()] };
  }
  if (stage === 'onboarding') {
    const pending = ctx.state.pending ?? nextQuestion(ctx.profile, ctx.state.bodyDone);
    const question = pending ? ` ${questionText(pending, m)}` : '';
    return { ...base, locale: choice, state, replies: [`${done}${question}`] };
  }
  return { ...base, locale: choice, state, replies: [done] };
}

/**
 * A language the user chose stays chosen whatever state a decision moves to (onboarding and consent build fresh
 * states), so one Spanish word or a SÍ never flips an English choice back.
 */
export function keepLanguageChoice(ctx: ConversationContext, decision: Decision): Decision {
  if (ctx.state.languageChosen !== true || decision.state.languageChosen !== undefined) return decision;
  return { ...decision, state: { ...decision.state, languageChosen: true } };
}
