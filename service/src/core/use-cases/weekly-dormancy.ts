import { parseDialogueState } from '../conversation/dialogue-state.ts';
import { DEFAULT_DORMANT_AFTER_DAYS, isDormant, lastHeardAt } from '../conversation/dormancy.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import type { User } from '../domain/user.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';

/**
 * Weekly plans to a number that went quiet: the plan carries the profile's health data, and the number may have a
 * new holder, so it is not sent. The subscription stays as it is (paused, not deleted): the next due week after the
 * user answered ME goes out as always. Returns true when this week's plan was withheld.
 *
 * One short notice goes out instead, once per silence (its key names the last message heard): most quiet numbers
 * are still their owner's, someone who reads the weekly plan and never replies, who would otherwise lose the plans
 * without a word. It says only that weekly plans were paused; whoever replies then gets the ME / NEW question.
 * While the question is open (the number wrote again but has not answered) the plan is withheld without a notice.
 */
export async function withheldForDormancy(
  deps: DeliverMessageDeps & { dormantAfterDays?: number },
  user: User,
  week: string,
): Promise<boolean> {
  const quiet = isDormant(user, deps.clock.now(), deps.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS);
  const asked = quiet
    ? false
    : parseDialogueState((await deps.stores.dialogue.load(user.id))?.state).ownershipCheck;
  if (!quiet && asked !== true) return false;
  if (quiet) {
    const notice = messagesFor(user.locale).dormancy.weeklyPaused();
    const outcome = await deliverMessage(deps, user, notice, `weekly-paused:${user.id}:${lastHeardAt(user)}`);
    deps.logger.info('weekly_plan_paused', { userId: user.id, week, notice: outcome.status });
  } else deps.logger.info('weekly_plan_paused', { userId: user.id, week, notice: 'question_open' });
  // The week is closed like a week refused for good, so later ticks of the same day do not try it again.
  await deps.stores.weeklyDelivery.markSent(user.id, week);
  return true;
}
