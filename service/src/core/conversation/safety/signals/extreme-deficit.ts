import type { Sex } from '../../../domain/profile.ts';
import { ADULT_FLOOR_KCAL } from '../../../nutrition/targets/energy-policy.ts';
import { calorieIntakes } from './calorie-targets.ts';
import { EATING_DISORDER_MAX_DAILY_KCAL } from './eating-disorder.ts';
import { matchRules, type SignalRule } from './signal-rule.ts';
import { MAX_SAFE_KG_PER_WEEK, requestedLossRates } from './weight-loss-rate.ts';

/**
 * A plan below the unsupervised floor (1,200 kcal/day women, 1,500 men: project reference) asked for without
 * eating-disorder language, or weight loss faster than a floor-respecting deficit allows. The sender's sex is
 * rarely in the message: the women's floor applies unless he says he is a man; the targets engine applies the
 * right floor once the profile is known.
 */
const SAYS_MALE =
  /\b(?:i'?m|i am|im)\s+(?:a\s+)?(?:guy|man|male|dude|boy)\b|\bsoy (?:un )?(?:hombre|chico|varon)\b/;

const RULES: readonly SignalRule[] = [
  {
    name: 'crash-diet',
    pattern:
      /\bcrash diet\w*|\bfastest way to (?:lose|drop|shed)\b|\bas fast as possible\b|\blo mas rapido posible\b|\bdieta (?:extrema|relampago|express)\b|\bextreme (?:diet|weight loss)\b|\bvery low calorie diet\b|\bvlcd\b/,
  },
  {
    // "What's the least I can eat to lose weight fast?": asks for the lowest intake, not for a plan.
    name: 'least-possible-intake',
    pattern:
      /\b(?:the )?(?:least|minimum|bare minimum|fewest calories) (?:i|you|one|a person) (?:can|could|should|need to|have to) (?:eat|get away with)\b|\blo (?:minimo|menos) que (?:puedo|puede|debo|se puede) comer\b|\b(?:lose|drop) weight (?:really |very |super )?(?:fast|quick(?:ly)?)\b|\b(?:bajar|perder) (?:de )?peso (?:muy )?rapido\b|\badelgazar (?:muy )?rapido\b/,
  },
];

function floorFor(text: string): number {
  const sex: Sex = SAYS_MALE.test(text) ? 'male' : 'female';
  return ADULT_FLOOR_KCAL[sex];
}

export function extremeDeficitSignals(text: string): string[] {
  const signals = matchRules(text, RULES);
  const floor = floorFor(text);
  const { targets } = calorieIntakes(text);
  if (targets.some((kcal) => kcal > EATING_DISORDER_MAX_DAILY_KCAL && kcal < floor))
    signals.push('below-calorie-floor');
  if (requestedLossRates(text).some((rate) => rate > MAX_SAFE_KG_PER_WEEK))
    signals.push('too-fast-weight-loss');
  return signals;
}
