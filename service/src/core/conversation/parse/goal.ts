import { GOALS, type Goal } from '../../domain/profile.ts';
import { normalize } from './normalize.ts';
import { findMentions, pickMention, withCorrection } from './text.ts';

export interface GoalParseOptions {
  /** The question showed the numbered menu "1 lose, 2 maintain, 3 gain, 4 eat healthier" (the order of GOALS). */
  numbered?: boolean;
}

const PATTERNS: readonly (readonly [RegExp, Goal])[] = [
  [/\b(?:lose|losing|loose)\b/, 'lose'],
  [/\b(?:drop|shed|burn|cut)\w* (?:\w+ ){0,2}(?:pounds|lbs?|kg|kilos|weight|fat|sizes?)\b/, 'lose'],
  [/\bslim(?:ming)? down\b|\bget (?:thinner|slimmer|leaner)\b|\blean out\b/, 'lose'],
  [/\b(?:fat|weight) loss\b|^cut(?:ting)?$/, 'lose'],
  [/\b(?:bajar|perder|rebajar|quemar) (?:de )?(?:peso|kilos|grasa|\d+)\b|\badelgaz\w*/, 'lose'],
  [/\b(?:gain|gaining)\b|\bbulk(?:ing)?(?: up)?\b/, 'gain'],
  [/\bbuild(?:ing)? (?:some |more )?muscle\b|\bput(?:ting)? on (?:some )?(?:weight|muscle|mass|\d+)/, 'gain'],
  [/\b(?:subir|ganar|aumentar) (?:de )?(?:peso|musculo|masa|kilos|\d+)\b|\bmasa muscular\b/, 'gain'],
  [/\bmaint(?:ain|aining|enance)\b|\bstay (?:the same|where i am|at (?:my|this) weight)\b/, 'maintain'],
  [/\bkeep (?:my|the same|the|this) (?:current )?weight\b|\bsame weight\b/, 'maintain'],
  [/\bkeep (?:things|it|everything) (?:as (?:they are|it is|is)|the same)\b/, 'maintain'],
  [/\bmanten(?:er|erme|go|imiento)\b|\bquedarme igual\b|\bmismo peso\b/, 'maintain'],
  [
    /\beat(?:ing)? (?:more )?(?:healthier|healthy|better|cleaner|clean|well)\b|\bhealth(?:y|ier) eating\b/,
    'eat_healthier',
  ],
  [/\bhealthier\b|\b(?:be|get|feel) healthy\b/, 'eat_healthier'],
  [/\b(?:comer|alimentarme|alimentacion|comida) (?:mas )?(?:sano|sana|saludable|mejor)\b/, 'eat_healthier'],
  [/\bmas (?:sano|sana|saludable)\b/, 'eat_healthier'],
];

const MENU = /^(?:option|opcion|number|numero|#|no\.?)?\s*#?\s*([1-4])\s*[.)]?$/;

function fromText(text: string): Goal | undefined {
  const mentions = findMentions(text, PATTERNS);
  // "lose weight and eat healthier": a weight direction decides the energy target, so it wins.
  const directed = mentions.filter((m) => m.value !== 'eat_healthier');
  return pickMention(text, directed.length > 0 ? directed : mentions);
}

/**
 * The user's goal, or undefined when not understood. With `{ numbered: true }` the digits 1–4 pick from the menu
 * in the order of GOALS. Negated mentions ("I don't want to lose weight") are ignored; two weight directions
 * without a correction marker ("lose fat and build muscle") are ambiguous.
 */
export function parseGoal(text: string, options: GoalParseOptions = {}): Goal | undefined {
  const normal = normalize(text);
  if (options.numbered) {
    const digit = MENU.exec(normal)?.[1];
    if (digit !== undefined) return GOALS[Number(digit) - 1];
  }
  return withCorrection(normal, fromText);
}
