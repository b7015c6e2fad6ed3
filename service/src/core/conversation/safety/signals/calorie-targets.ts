import { NUMBER, readNumber } from '../safety-text.ts';

/**
 * Daily energy intakes a message asks for ("600 calories a day", "a 1000 kcal diet plan", "give me 700 a day") or
 * boasts of ("I only ate 400 calories today"). Calories that are not an intake are left out: a deficit ("a 500
 * calorie deficit"), what was burned, what one food holds ("600 calories of pizza", "a 400 calorie snack").
 */
export interface CalorieIntakes {
  /** Daily intakes wanted or planned. */
  targets: number[];
  /** Restricted intakes reported for a day ("only ate 400 calories today"). */
  restricted: number[];
}

const UNIT = String.raw`(?:k ?cal\w*|kilocal\w*|cal(?:ories|orie|orias|oria|s)?)\b`;
const MENTION = new RegExp(
  String.raw`(?<![\d.,])(${NUMBER})(?:\s*(?:-|to|a|or|o|y|and)\s*(${NUMBER}))?\s*${UNIT}`,
  'g',
);
const BARE_DAILY = new RegExp(
  String.raw`\b(?:eat|eating|give me|set me at|comer|como|dame)\s+(?:only\s+|just\s+|like\s+|about\s+|solo\s+|unas?\s+)?(${NUMBER})\s+(?:a|per|each|al|por)\s+(?:day|dia)\b`,
  'g',
);

/** Words just before the number that make it not an intake: burned, a food's content, a cut by some amount. */
const NOT_INTAKE_BEFORE =
  /\b(?:burn\w*|burnt|quem\w*|deficit of|has|have|had|contains?|tiene|contiene|ate|eaten|comi|logged|registre|lost|gaste|cut|reduce|reducir|restar|quitar|drop|trim)\s+(?:by\s+)?(?:like\s+|about\s+|around\s+|an?\s+|unas?\s+)?$/;
/** A food or meal named just before: "a snack under 200 calories", "cena de 500 calorías". */
const FOOD_BEFORE =
  /\b(?:snacks?|meals?|dinners?|breakfasts?|lunch(?:es)?|recipes?|smoothies?|desserts?|drinks?|cenas?|almuerzos?|desayunos?|recetas?|meriendas?|postres?)\s+(?:ideas?\s+)?(?:under|below|around|of|with|de|con|less than|menos de|about)?\s*$/;
/** An intake boasted of: "only ate", "just had", "solo comí". */
const RESTRICTION_BEFORE =
  /\b(?:only|just|barely|solo|solamente|apenas)\s+(?:ate|had|eat|eaten|comi|como|he comido)\s+(?:like\s+|about\s+|around\s+|unas?\s+)?$/;
/** Words just after the unit that make it not an intake: a food's content, a deficit, burning. */
const NOT_INTAKE_AFTER =
  /^\s*(?:deficits?|surplus|less|fewer|more|extra|menos|mas|of|in|en|de|snacks?|bars?|drinks?|bebidas?|meal(?!\s*plan)|breakfast|lunch|dinner|desayuno|almuerzo|cena|burn\w*|workout|run|from|per (?:serving|slice|piece|portion)|por (?:porcion|racion))\b/;

/** Something in the message that makes a number of calories a wanted daily intake. */
const TARGET_CONTEXT =
  /\b(?:a|per|each|every|al|por)\s+(?:day|dia)\b|\/(?:day|dia)\b|\bdaily\b|\bdiari[oa]s?\b|\bplan\b|\bdiet\w*|\btarget\b|\bgoal\b|\blimit\b|\bmax(?:imum)?\b|\bcap\b|\bobjetivo\b|\bmeta\b|\bwant\b|\bwanna\b|\bquiero\b|\bgive me\b|\bdame\b|\bset me\b|\bonly\b|\bsolo\b|\bunder\b|\bbelow\b|\bmenos de\b|\bstick to\b|\bkeep (?:me|it)\b|\bput me\b|\bmantenerme\b|\blive on\b|\bsurvive on\b|\bcut to\b|\bget down to\b/;
const A_DAY = /\b(?:today|a day|per day|all day|yesterday|hoy|ayer|al dia|por dia|en todo el dia)\b/;

export function calorieIntakes(text: string): CalorieIntakes {
  const targets: number[] = [];
  const restricted: number[] = [];
  const hasTargetContext = TARGET_CONTEXT.test(text);
  for (const match of text.matchAll(MENTION)) {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 25);
    const values = [match[1], match[2]].filter((raw) => raw !== undefined).map(readNumber);
    if (RESTRICTION_BEFORE.test(before)) {
      if (A_DAY.test(text)) restricted.push(...values);
      continue;
    }
    const notIntake =
      NOT_INTAKE_BEFORE.test(before) || FOOD_BEFORE.test(before) || NOT_INTAKE_AFTER.test(after);
    if (notIntake || !hasTargetContext) continue;
    targets.push(...values);
  }
  for (const match of text.matchAll(BARE_DAILY)) {
    const value = readNumber(match[1] ?? '');
    // Under 100 a bare "eat 3 a day" counts meals or eggs, not calories.
    if (value >= 100) targets.push(value);
  }
  return { targets, restricted };
}
