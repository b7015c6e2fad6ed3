import { MIN_AGE } from '../../parse/body.ts';
import { statedAges } from './ages.ts';
import { someoneElseLosing, WEIGHT_LOSS_INTENT } from './weight-loss-intent.ts';

/** Ages a child might text us at; below this "I'm 3" is more likely a count than an age. */
const YOUNGEST_PLAUSIBLE_SENDER = 5;
const ADULT_AGE = 18;

/** The sender is under 13: never onboarded (COPPA; project reference, "Safety"). */
export function underThirteenSignals(text: string): string[] {
  const { own } = statedAges(text);
  return own.some((age) => age >= YOUNGEST_PLAUSIBLE_SENDER && age < MIN_AGE) ? ['sender-under-13'] : [];
}

/**
 * A 13–17-year-old sender asking to lose weight, or a parent asking weight loss for a child: no weight-loss plans
 * under 18 (project reference, "Safety": 13–17, no deficit). A teen's age alone is onboarding data, not a flag.
 */
export function teenDeficitSignals(text: string): string[] {
  const { own, dependants } = statedAges(text);
  const signals: string[] = [];
  const wantsLoss = new RegExp(WEIGHT_LOSS_INTENT.source).test(text);
  if (wantsLoss && own.some((age) => age >= MIN_AGE && age < ADULT_AGE)) signals.push('teen-weight-loss');
  if (dependants.some((age) => age < ADULT_AGE) && someoneElseLosing(text))
    signals.push('dependant-weight-loss');
  return signals;
}
