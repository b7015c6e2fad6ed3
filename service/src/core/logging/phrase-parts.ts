/**
 * Reads one food phrase into amount, unit, size and food words:
 * "1 1/2 cups of cooked rice" → 1.5 × cup, words [cooked, rice]; "chicken breast 150 g" → 150 × g;
 * "eggs x2" → 2; "4 asparagus spears" → 4 × spear, words [asparagus].
 */
import { numberValue, readQuantity } from './quantities.ts';
import { readSize, readUnit, type Size, type Unit } from './units.ts';

export interface PhraseParts {
  /** The amount, or undefined when none was given ("rice", "some almonds"). */
  readonly amount: number | undefined;
  readonly unit: Unit | undefined;
  readonly size: Size | undefined;
  /** Food words, modifiers included ("scrambled eggs"); `_` joins protected names. */
  readonly words: readonly string[];
  /** The measure as written ("1.5 cups", "a slice", "150 g"), empty when none. */
  readonly quantityText: string;
}

/** Units that can close a phrase ("4 asparagus spears", "1 salmon fillet"); "cup" cannot ("fruit cup"). */
const TRAILING_UNITS = new Set([
  'spear',
  'stalk',
  'clove',
  'slice',
  'piece',
  'fillet',
  'link',
  'patty',
  'leaf',
  'wedge',
]);

function tokenize(text: string): string[] {
  return text
    .replace(/[^a-z0-9%./\-_ ]/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^[./-]+|[./-]+$/g, ''))
    .filter((t) => t.length > 0);
}

export function readPhrase(text: string): PhraseParts {
  const tokens = tokenize(text);
  let i = 0;
  const quantity = readQuantity(tokens, i);
  let amount = quantity?.value;
  i = quantity?.next ?? i;
  let size = readSize(tokens, i);
  i = size?.next ?? i;
  const unitRead = readUnit(tokens, i, quantity !== undefined); // "a can" is a unit, "can" alone is not
  let unit = unitRead?.unit;
  if (unitRead !== undefined) {
    i = unitRead.next;
    if (amount === undefined) amount = 1; // "cup of coffee"
    if (tokens[i] === 'of' || tokens[i] === 'de' || tokens[i] === 'del') i += 1;
    size ??= readSize(tokens, i);
    if (size !== undefined && size.next > i) i = size.next;
  }
  const leading = tokens.slice(0, i);
  const words = tokens.slice(i);
  const trailing: string[] = [];

  // Measures written after the food: "150 g", "x 2", "2", "spears".
  const last = words.at(-1);
  const beforeLast = words.at(-2);
  const lastUnit = last === undefined ? undefined : readUnit(words, words.length - 1, true);
  if (
    lastUnit !== undefined &&
    numberValue(beforeLast) !== undefined &&
    amount === undefined &&
    unit === undefined
  ) {
    amount = numberValue(beforeLast);
    unit = lastUnit.unit;
    trailing.push(...words.splice(-2));
  } else if (numberValue(last) !== undefined && beforeLast === 'x') {
    amount = (amount ?? 1) * (numberValue(last) ?? 1);
    trailing.push(...words.splice(-2));
  } else if (numberValue(last) !== undefined && amount === undefined && words.length > 1) {
    amount = numberValue(last);
    trailing.push(...words.splice(-1));
  } else if (
    lastUnit !== undefined &&
    unit === undefined &&
    TRAILING_UNITS.has(lastUnit.unit) &&
    words.length > 1
  ) {
    unit = lastUnit.unit;
    trailing.push(...words.splice(-1));
  }
  const quantityText = [...leading, ...trailing]
    .filter((t, k, all) => !(k === all.length - 1 && (t === 'of' || t === 'de')))
    .join(' ');
  return { amount, unit, size: size?.size, words: words.filter((w) => w !== 'x'), quantityText };
}
