import type { Channel, User } from '../domain/user.ts';
import type { ConversationContext, Decision } from './conversation-types.ts';
import type { DialogueState } from './dialogue-state.ts';
import { type Keyword, normaliseKeyword } from './keywords.ts';
import { messagesFor } from './messages/index.ts';
import { erasureDecision } from './privacy-intent.ts';

/**
 * Carriers reassign numbers that go quiet, and the next holder of a number must not be taken for the last one.
 * After `DORMANT_AFTER_DAYS` without a message from the number, whoever writes is asked ME (carry on with the saved
 * profile) or NEW (erase it and start over) before anything personal is shown or any link is sent. This stops the
 * accidental new holder; a malicious one can still answer ME (docs/SECURITY.md).
 */
export const DEFAULT_DORMANT_AFTER_DAYS = 60;

const DAY_MS = 86_400_000;

/**
 * When the number last wrote to us: `lastInboundAt` is set by every SMS / WhatsApp message (not by web chat, which
 * proves a session, not the number). Users from before it existed count from sign-up, which errs on the safe side.
 */
export function lastHeardAt(user: Pick<User, 'lastInboundAt' | 'createdAt'>): string {
  return user.lastInboundAt ?? user.createdAt;
}

/** A number that has not written for longer than `afterDays`; web-only users have no number to be reassigned. */
export function isDormant(
  user: Pick<User, 'phone' | 'lastInboundAt' | 'createdAt'>,
  now: Date,
  afterDays: number,
): boolean {
  if (user.phone === undefined) return false;
  return now.getTime() - Date.parse(lastHeardAt(user)) > afterDays * DAY_MS;
}

/**
 * The dialogue state a message is decided on: marked for the ownership question when this phone message comes
 * after a long silence and there is something personal to hide (consent given or a profile kept). The mark is
 * saved with the decision, so it outlasts this message (whose own write refreshes `lastInboundAt`), a STOP and a
 * START, until ME or NEW answers it.
 */
export function withOwnershipCheck(
  state: DialogueState,
  user: User,
  check: { channel: Channel; now: Date; afterDays: number; consented: boolean },
): DialogueState {
  if (state.ownershipCheck === true || check.channel === 'web' || state.stage === 'ineligible') return state;
  const personal = check.consented || Object.keys(user.profile).length > 0;
  if (!personal || !isDormant(user, check.now, check.afterDays)) return state;
  return { ...state, ownershipCheck: true };
}

const ME = /^(?:(?:YES,? )?(?:IT'?S |IT IS )?ME|(?:SI,? )?(?:SOY )?YO)$/;
const NEW = /^(?:NEW|START FRESH|NUEVO|NUEVA|DE CERO)$/;

/**
 * While the ownership question is open: ME carries on, NEW erases (the same erasure as DELETE ALL), anything else
 * gets the question again and is not logged. HELP and START are left to the usual keyword handling, which reveals
 * nothing personal; while opted out everything else stays silent, as for any opted-out number. STOP is handled
 * before this (an opt-out always wins) and keeps the question open. Undefined when no question is open.
 */
export function ownershipDecision(
  text: string,
  keyword: Keyword | undefined,
  ctx: ConversationContext,
  base: Decision,
): Decision | undefined {
  if (ctx.state.ownershipCheck !== true) return undefined;
  if (keyword?.kind === 'help' || keyword?.kind === 'opt_in') return undefined;
  if (ctx.optedOut) return keyword?.kind === 'affirmative' ? undefined : { ...base, mayLogBodies: false };
  const answer = normaliseKeyword(text).replace(/\s+/g, ' ');
  const m = messagesFor(base.locale).dormancy;
  if (ME.test(answer)) return { ...base, state: answered(base.state), replies: [m.welcomeBack()] };
  if (NEW.test(answer)) return erasureDecision(ctx, base, 'reply:NEW');
  return { ...base, mayLogBodies: false, replies: [m.question()] };
}

function answered(state: DialogueState): DialogueState {
  const { ownershipCheck: _answered, ...rest } = state;
  return rest;
}
