/**
 * Food logging in the conversation, and the answer to its "did you mean …?" question.
 *
 * The log itself runs after the commit (the `log_food` effect), but whether the parser will ask is known now: the
 * parser is pure, so the decision reads it and remembers the first ambiguous phrase in the dialogue state. The
 * next message then either answers it — an option's name ("greek", "cod", "griego") or its place ("1", "the
 * second one", "la segunda") — and logs that food with the amount of the original phrase, or is anything else:
 * the choice is dropped (every decision starts without it) and the message is handled as usual.
 */
import { parseFoodLog } from '../logging/index.ts';
import { type FoodDatabase, loadFoodDatabase, normalizeFoodText } from '../nutrition/food-database.ts';
import type { Decision } from './conversation-types.ts';
import type { DialogueState, FoodChoice } from './dialogue-state.ts';

/** Bounds of a remembered question, as the dialogue-state schema reads it back. */
const MAX_PHRASE_CHARS = 300;
const MAX_OPTIONS = 8;

/** The state with no question pending: where every decision starts, so an unanswered question lapses. */
export function withoutFoodChoice(state: DialogueState): DialogueState {
  const { foodChoice: _dropped, ...rest } = state;
  return rest;
}

/** A message opened as a food log ("had …", "comí …"): log it, remembering the question it will ask, if any. */
export function foodLogDecision(text: string, base: Decision): Decision {
  const unsure = parseFoodLog(text, loadFoodDatabase()).unsure[0];
  const foodChoice: FoodChoice | undefined =
    unsure === undefined || unsure.phrase.length > MAX_PHRASE_CHARS || unsure.options.length > MAX_OPTIONS
      ? undefined
      : {
          phrase: unsure.phrase,
          options: unsure.options.map((option) => option.foodId),
          accompaniment: unsure.accompaniment,
        };
  return {
    ...base,
    state: foodChoice === undefined ? base.state : { ...base.state, foodChoice },
    effect: { kind: 'log_food', text },
  };
}

/**
 * A message that is nothing but food ("2 eggs and toast for breakfast", "a banana and a coffee"), once no other
 * intent wanted it: a food log when it has two words or more and every word in it is read without guessing: a
 * food the parser knows (or asks about), an amount, a unit or filler.
 */
export function bareFoodLogDecision(text: string, base: Decision): Decision | undefined {
  // One word alone ("griego", "plain") is more likely an answer to something than a meal: not read as one.
  if (text.trim().split(/\s+/).length < 2) return undefined;
  const parsed = parseFoodLog(text, loadFoodDatabase());
  const understood =
    parsed.items.length + parsed.unsure.length > 0 &&
    parsed.unknown.length === 0 &&
    parsed.guessed.length === 0; // "exportar mis datos" is not dates
  return understood ? foodLogDecision(text, base) : undefined;
}

/** The answer to a pending "did you mean …?", as a decision that logs the chosen food; undefined when not one. */
export function answerFoodChoice(
  text: string,
  choice: FoodChoice | undefined,
  base: Decision,
): Decision | undefined {
  if (choice === undefined) return undefined;
  const index = chosenIndex(text, choice.options, loadFoodDatabase());
  const foodId = index === undefined ? undefined : choice.options[index];
  if (foodId === undefined) return undefined;
  return {
    ...base,
    effect: {
      kind: 'log_food',
      text: choice.phrase,
      chosen: { foodId, accompaniment: choice.accompaniment },
    },
  };
}

const ORDINALS: readonly RegExp[] = [
  /^(?:1|1st|one|first|uno|una|primer|primero|primera)$/,
  /^(?:2|2nd|two|second|dos|segundo|segunda)$/,
  /^(?:3|3rd|three|third|tres|tercer|tercero|tercera)$/,
  /^(?:4|4th|four|fourth|cuatro|cuarto|cuarta)$/,
];
const LAST = /^(?:last|ultimo|ultima)$/;

/** Words around an answer that say nothing about which option: "the second one", "la primera opción". */
const FILLER = new Set(
  'the a an one ones option number nr el la lo los las un opcion numero i mean meant it was its please pls that this ese esa eso de del'.split(
    ' ',
  ),
);

/** A reply longer than this is a new message, not a pick from a short list. */
const MAX_ANSWER_WORDS = 5;

function fold(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ') // "#2" and "2)" are 2
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

function chosenIndex(text: string, options: readonly string[], foods: FoodDatabase): number | undefined {
  const words = fold(text);
  if (words.length === 0 || words.length > MAX_ANSWER_WORDS) return undefined;
  const content = words.filter((word) => !FILLER.has(word));

  // By place: "1", "the second one", "la segunda", "the last one" ("one" alone is the first).
  const places = content.length === 0 && words.includes('one') ? ['one'] : content;
  if (places.length === 1) {
    const place = places[0] ?? '';
    const index = LAST.test(place) ? options.length - 1 : ORDINALS.findIndex((re) => re.test(place));
    if (index >= 0) return index < options.length ? index : undefined;
  }

  // By name: every word of the reply names exactly one of the options ("greek", "plain yogurt", "bacalao").
  if (content.length === 0) return undefined;
  const matching = options
    .map((id, index) => ({ index, words: optionWords(id, foods) }))
    .filter((option) => content.every((word) => option.words.has(word)));
  return matching.length === 1 ? matching[0]?.index : undefined;
}

/**
 * The words a person would use for an option: its spoken name ("Greek yogurt" of "Greek yogurt, plain, nonfat")
 * and its synonyms. The rest of the display name is left out, because descriptions are shared ("plain").
 */
function optionWords(foodId: string, foods: FoodDatabase): Set<string> {
  const food = foods.get(foodId);
  if (food === undefined) return new Set();
  const spoken = (food.name.split(',')[0] ?? '').replace(/\(.*?\)/g, ' ');
  return new Set(
    [spoken, ...food.synonyms].flatMap((name) => normalizeFoodText(name).split(' ')).filter(Boolean),
  );
}
