import type { Locale } from '../domain/user.ts';
import type { ConversationContext, Decision } from './conversation-types.ts';
import type { DialogueState } from './dialogue-state.ts';
import { normaliseKeyword } from './keywords.ts';
import { messagesFor } from './messages/index.ts';

type PrivacyRequest = { kind: 'export' | 'erase' | 'confirm_erase'; spanish: boolean };

const MY_DATA = '(?:ALL )?(?:OF )?MY (?:DATA|ACCOUNT|INFO|INFORMATION|DETAILS|PROFILE)';
const MIS_DATOS = '(?:TODOS )?(?:MIS DATOS|MI CUENTA|MI INFORMACION|MI PERFIL)';
/** Whole messages (after `normaliseKeyword`: upper case, no accents or end punctuation), never a word inside one. */
const PHRASES: { pattern: RegExp; request: PrivacyRequest }[] = [
  { pattern: /^DELETE ALL$/, request: { kind: 'confirm_erase', spanish: false } },
  { pattern: /^BORRAR TODO$/, request: { kind: 'confirm_erase', spanish: true } },
  {
    pattern: new RegExp(`^(?:PLEASE )?(?:EXPORT|DOWNLOAD|SEND ME)(?: ${MY_DATA})?(?: PLEASE)?$`),
    request: { kind: 'export', spanish: false },
  },
  {
    pattern: new RegExp(
      `^(?:POR FAVOR )?(?:EXPORTAR|EXPORTA|DESCARGAR|DESCARGA)(?: ${MIS_DATOS})?(?: POR FAVOR)?$`,
    ),
    request: { kind: 'export', spanish: true },
  },
  {
    pattern: new RegExp(
      `^(?:PLEASE )?(?:(?:DELETE|ERASE|REMOVE|WIPE) ${MY_DATA}|DELETE ME|FORGET ME)(?: PLEASE)?$`,
    ),
    request: { kind: 'erase', spanish: false },
  },
  {
    pattern: new RegExp(
      `^(?:POR FAVOR )?(?:(?:BORRAR|BORRA|ELIMINAR|ELIMINA) ${MIS_DATOS}|OLVIDAME)(?: POR FAVOR)?$`,
    ),
    request: { kind: 'erase', spanish: true },
  },
];

export function classifyPrivacyRequest(text: string): PrivacyRequest | undefined {
  const normalised = normaliseKeyword(text).replace(/\s+/g, ' ');
  return PHRASES.find(({ pattern }) => pattern.test(normalised))?.request;
}

/** A pending "reply DELETE ALL" lapses with any message that does not answer it (an opt-out included). */
export function withoutPendingErasure(state: DialogueState): DialogueState {
  if (state.awaitingErasure === undefined) return state;
  const { awaitingErasure: _lapsed, ...rest } = state;
  return rest;
}

/**
 * Export and erasure, answered at every stage, opted out or not (a user who only sent STOP may still have their
 * number erased), but after an opt-out word, which always wins. Erasure takes two messages: the request, answered
 * with what will go, then exactly DELETE ALL / BORRAR TODO; anything else cancels. DELETE ALL out of the blue only
 * warns. Nothing of this exchange is logged: the export reply carries a bearer link, and erasure removes the log.
 */
export function privacyDecision(
  text: string,
  ctx: ConversationContext,
  base: Decision,
): Decision | undefined {
  const request = classifyPrivacyRequest(text);
  const pending = ctx.state.awaitingErasure === true;
  if (request === undefined && !pending) return undefined;
  // A Spanish phrase gets a Spanish answer, unless the user chose a language.
  const locale: Locale = request?.spanish && ctx.state.languageChosen !== true ? 'es' : base.locale;
  const m = messagesFor(locale).privacy;
  const quiet = { ...base, locale, mayLogBodies: false };
  if (pending && request?.kind === 'confirm_erase') return erasureDecision(ctx, quiet, 'reply:DELETE ALL');
  if (request?.kind === 'export') return { ...quiet, effect: { kind: 'export_data' } };
  if (request === undefined) return { ...base, replies: [m.eraseCancelled()] };
  return { ...base, locale, state: { ...base.state, awaitingErasure: true }, replies: m.eraseWarning() };
}

/**
 * The erasure itself (DELETE ALL, or NEW to a dormant number's question, dormancy.ts): the user leaves every store
 * in the same commit as this decision, and the next message starts over at the consent question.
 */
export function erasureDecision(ctx: ConversationContext, base: Decision, method: string): Decision {
  return {
    ...base,
    mayLogBodies: false,
    state: { stage: 'new', bodyDone: false },
    profile: {},
    replies: [messagesFor(base.locale).privacy.erased()],
    // The proof that health-data consent ended, kept (under the keyed hash) with the rest of the consent history.
    consentChanges: ctx.consented ? [{ purpose: 'health_data', granted: false, method }] : [],
    eraseUser: true,
  };
}
