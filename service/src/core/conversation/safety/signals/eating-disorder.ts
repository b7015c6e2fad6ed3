import { UNDERWEIGHT_BMI } from '../../../nutrition/targets/energy-policy.ts';
import { calorieIntakes } from './calorie-targets.ts';
import { EATING_DISORDER_TREATMENT } from './medical.ts';
import { matchRules, type SignalRule } from './signal-rule.ts';

/**
 * A wanted or boasted daily intake at or under this is an eating-disorder signal, not a diet request: it is the
 * very-low-calorie range that needs clinical care, the "500–800 kcal/day" of the project reference ("Safety"), and
 * the advice that got NEDA's "Tessa" chatbot withdrawn in 2023.
 */
export const EATING_DISORDER_MAX_DAILY_KCAL = 800;

/** Fasting or not eating for at least this long is "fasting for days" (reference, "Safety"). */
const MIN_FAST_DAYS = 2;

const DURATION =
  /(\d+(?:[.,]\d+)?|a|an|one|un|una)\s*(?:more\s+|whole\s+|entire\s+|full\s+)?(hours?|hrs?|horas?|days?|dias?|weeks?|semanas?)\b/;
const FASTING = /\b(?:water |dry |juice )?fast(?:ing|ed)?\b|\bayun\w*/g;
const NOT_EATING =
  /\bstop eating\b|\bnot eat(?:ing)?\b|\bwithout (?:eating|food)\b|\bgo without\b|\bno (?:eat|comer)\b|\bsin comer\b|\bsin comida\b|\bdej(?:ar|o|e) de comer\b|\bhaven'?t eaten\b|\bhave not eaten\b|\bdidn'?t eat\b/g;
const SPAN_THEN_NOT_EATING = new RegExp(
  String.raw`${DURATION.source}(?:\s+\w+){0,2}\s+(?:without (?:eating|food)|with no food|sin comer|sin comida)`,
);

/** Days in "5 days", "a week", "72 hours"; undefined when the words after `index` name no span of time. */
function daysAfter(text: string, index: number, window = 30): number | undefined {
  const span = DURATION.exec(text.slice(index, index + window));
  if (!span) return undefined;
  const count = /^\d/.test(span[1] ?? '') ? Number.parseFloat((span[1] ?? '1').replace(',', '.')) : 1;
  const unit = span[2] ?? '';
  if (/^h/.test(unit)) return count / 24;
  if (/^(?:w|s)/.test(unit)) return count * 7;
  return count;
}

function longFast(text: string): boolean {
  for (const pattern of [FASTING, NOT_EATING]) {
    for (const match of text.matchAll(pattern)) {
      const days = daysAfter(text, match.index + match[0].length);
      if (days !== undefined && days >= MIN_FAST_DAYS) return true;
    }
  }
  // "a week without food", "5 dias sin comer": the span of time comes first.
  const spanFirst = SPAN_THEN_NOT_EATING.exec(text);
  if (spanFirst && (daysAfter(spanFirst[0], 0) ?? 0) >= MIN_FAST_DAYS) return true;
  // "a 5-day water fast", "3 day fast", "how many days can I go without eating"
  const before = /(\d+)[- ]?(?:day|dia)s? (?:water |dry |juice )?(?:fast|ayuno)/.exec(text);
  if (before && Number(before[1]) >= MIN_FAST_DAYS) return true;
  return /\b(?:how many (?:days|weeks)|how long|cuantos dias|cuanto tiempo)\b.{0,40}\b(?:without (?:eating|food)|sin comer|sin comida)\b/.test(
    text,
  );
}

const THIN =
  /\b(?:too thin|too skinny|so thin|underweight|bajo peso|(?:muy|demasiado) (?:flac|delgad)[oa])\b/;
const FEEL_FAT =
  /\b(?:feel (?:so )?fat|look fat|i'?m fat|still fat|lose (?:\d+(?:[.,]\d+)? )?more|lose weight|get thinner|me siento gord[oa]|me veo gord[oa]|estoy gord[oa]|(?:bajar|adelgazar|perder) mas)\b/;
const BMI = /\b(?:bmi|imc)\s*(?:is|of|de|es)?\s*:?\s*(\d+(?:[.,]\d+)?)/;

/**
 * SCOFF "F": feels fat while underweight, told they are too thin or wanting an underweight body weight; or wants
 * to lose more at an underweight BMI. (A low goal weight alone is answered by the goal-weight check, with BMI.)
 */
function fatWhileThin(text: string): boolean {
  const bmi = BMI.exec(text);
  const underweightBmi =
    bmi !== null && Number.parseFloat((bmi[1] ?? '').replace(',', '.')) < UNDERWEIGHT_BMI;
  const thin = THIN.test(text) || underweightBmi || underweightGoal(text);
  if (!thin || /\b(?:gain|subir|ganar)\b/.test(text)) return false;
  return FEEL_FAT.test(text) || /\bfat\b|\bgord[oa]\b/.test(text);
}

/**
 * A wanted body weight this low is underweight (BMI < 18.5) for any adult taller than 149 cm (4'11"). Only a
 * weight to reach counts ("get under", "weigh", "goal weight", "pesar", "llegar a"), never an amount to lose
 * ("lose 90 pounds").
 */
const UNDERWEIGHT_FOR_ANY_ADULT_KG = 41;
const WANTED_WEIGHT =
  /\b(?:get (?:under|below|down to|to)|go (?:under|below|down to)|be (?:under|below)|weigh(?: less than| under| only| just)?|reach|(?:goal|target|dream) weight(?: of| is)?|pesar(?: menos de| solo)?|llegar a|bajar (?:a|hasta)|quedar en)\s+(\d+(?:[.,]\d+)?)\s*(lbs?|pounds?|libras?|kgs?|kilos?|kilograms?|kilogramos?)\b/g;

function underweightGoal(text: string): boolean {
  for (const match of text.matchAll(WANTED_WEIGHT)) {
    const amount = Number.parseFloat((match[1] ?? '').replace(',', '.'));
    const kg = /^(?:lb|pound|libra)/.test(match[2] ?? '') ? amount * 0.45359237 : amount;
    if (kg > 0 && kg <= UNDERWEIGHT_FOR_ANY_ADULT_KG) return true;
  }
  return false;
}

const EXERCISE =
  /\b(?:exercis\w*|work ?out\w*|run|running|gym|train\w*|cardio|ejercicio|correr|entrenar|gimnasio)\b/;

/** Exercise as payment for eating (compensating exercise), not exercise after a treat once. */
function compensatingExercise(text: string): boolean {
  if (
    /\bburn (?:it |them )?off (?:every|all|everything|whatever|each)\b|\bburn off what(?:ever)? i (?:eat|ate)\b|\buntil i (?:burn|burned) (?:off )?(?:every|all)\b|\bquemar (?:todo )?lo que (?:como|comi)\b/.test(
      text,
    )
  )
    return true;
  const mustAfterEating =
    /\b(?:have to|must|need to|force myself to|tengo que|debo)\s+(?:\w+\s+){0,4}?(?:after|every time|each time|whenever|despues de|cada vez que)\s+(?:i\s+)?(?:eat|ate|eating|como|comer)\b/;
  const toMakeUp =
    /\b(?:make up for|compensate|compensar|earn (?:my|the) (?:food|meals?)|cancels? (?:it |them )?out|so (?:it|they) (?:doesn'?t|does not|dont|don'?t) count|para que no cuente)\b/;
  return EXERCISE.test(text) && (mustAfterEating.test(text) || toMakeUp.test(text));
}

const RULES: readonly SignalRule[] = [
  {
    name: 'purging',
    pattern:
      /\b(?:make|made|making|makes|force|forcing)\s+(?:my ?self|themselves|herself|himself|yourself|someone)\s+(?:be\s+)?(?:sick|throw up|threw up|puke|vomit|barf)|\bself[- ]induced vomit\w*|\bfingers? down my throat\b/,
  },
  {
    name: 'purging',
    pattern:
      /\b(?:throw|throwing|threw|vomit\w*|puk\w*)(?: up)?\b.{0,25}\b(?:after (?:every|each|all|most|my) (?:meals?|time i eat)|after (?:i eat|eating|meals)|so (?:that )?i (?:don'?t|do not|won'?t) gain|to (?:lose|not gain) weight)/,
  },
  {
    name: 'purging',
    pattern:
      /\bpurg(?:e|es|ed|ing)\b(?!\s+(?:my|the|all|your|our|this|that)?\s*(?:data|account|history|messages?|info\w*|cache|records?|details|profile))/,
  },
  {
    name: 'purging',
    pattern:
      /\b(?:me )?provoc(?:o|ar|arme|ando) (?:el )?vomito\b|\b(?:me hago|hacerme) vomitar\b|\bvomit\w* (?:despues de|tras|cada vez que) (?:comer|como|cada comida|las comidas)\b|\bvomitar lo que como\b|\bpurgarme\b|\bme purgo\b|\b(?:me meto|meterme|meter) los dedos\b/,
  },
  {
    name: 'purging',
    pattern:
      /\b(?:how (?:to|do i|can i|do you|would someone|does someone)|(?:best|easiest|quickest|fastest) way to|como (?:puedo )?)\s+(?:make (?:my ?self|yourself|someone) )?(?:throw up|vomit\w*|puke)\b/,
  },
  {
    name: 'laxatives-or-pills',
    pattern:
      /\b(?:laxativ\w*|laxitiv\w*|laxant\w*|diuretic\w*|diuretico\w*|water pills?|diet pills?|pastillas para adelgazar|ipecac)\b.*\b(?:lose|weight|bajar|peso|adelgaz\w*|thin|flat|skinny|flac[oa]|get rid|after (?:eating|meals|i eat)|purge)|\b(?:lose|bajar|perder|adelgaz\w*)\b.*\b(?:laxativ\w*|laxitiv\w*|laxant\w*|diuretic\w*|diuretico\w*)\b/,
  },
  {
    name: 'starving',
    pattern: /\bstarv(?:e|ing) (?:my ?self|myself)\b|\bstarvation\b|\bmatarme de hambre\b|\bno como nada\b/,
  },
  {
    name: 'hiding-or-skipping-meals',
    pattern:
      /\bhide (?:not eating|that i(?:'m| am)? not eating|my eating|skipping meals)\b|\bskip(?:ping)? (?:all|every|most) (?:of )?(?:my )?meals\b|\bskip(?:ping)? meals to lose\b|\b(?:don'?t|do not) deserve to eat\b|\bno merezco comer\b/,
  },
  {
    name: 'pro-eating-disorder',
    pattern:
      /\bpro[- ]?(?:ana|mia)\b|\bthinspo\w*|\bmeanspo\w*|\bbonespo\w*|\bedtwt\b|\bchew(?:ing)? and spit\w*/,
  },
  {
    // Binge eating, not the everyday "binged on cookies" or "binge-watching".
    name: 'binge-eating',
    pattern: /\bbinge[- ]?eat\w*|\bbinge and purge\b|\b(?:can'?t stop|keep) binge?ing\b|\batracon\w*/,
  },
];

const DIAGNOSIS =
  /\banorexi\w*|\bbulimi\w*|\bbinge eating disorder\b|\btrastorno (?:de la conducta )?alimentari\w*/;

export function eatingDisorderSignals(text: string): string[] {
  const signals = matchRules(text, RULES);
  const { targets, restricted } = calorieIntakes(text);
  if ([...targets, ...restricted].some((kcal) => kcal <= EATING_DISORDER_MAX_DAILY_KCAL))
    signals.push('very-low-daily-intake');
  if (longFast(text)) signals.push('fasting-for-days');
  if (fatWhileThin(text)) signals.push('fat-while-thin');
  if (compensatingExercise(text)) signals.push('compensating-exercise');
  // Someone in treatment is answered as a medical case (follow the care team); naming a diagnosis otherwise is
  // a reason to share support resources.
  if (DIAGNOSIS.test(text) && !EATING_DISORDER_TREATMENT.test(text)) signals.push('named-eating-disorder');
  return signals;
}
