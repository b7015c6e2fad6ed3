/**
 * Small text rules shared by the parsers. All functions expect text already passed through `normalize`.
 *
 * Corrections: when a message holds a correction marker ("actually", "sorry", "I mean", "en realidad"…), what
 * follows the LAST marker is parsed first ("$80, sorry, $100" → 100); if that part says nothing the parser reads
 * the whole message ("I want to gain weight instead"). Allergies never use this rule: they are a union.
 */

const CORRECTION =
  /\b(?:actually|i mean|no wait|wait|sorry|correction|make that|make it|rather|en realidad|mejor dicho|perdon|quiero decir|o sea)\b/g;

/** The text after the last correction marker, or undefined when there is none or nothing follows it. */
export function correctionTail(text: string): string | undefined {
  let end = -1;
  for (const match of text.matchAll(CORRECTION)) end = match.index + match[0].length;
  if (end < 0) return undefined;
  const tail = text
    .slice(end)
    .replace(/^[\s,.;:!-]+/, '')
    .trim();
  return tail.length > 0 ? tail : undefined;
}

/** The text before the first correction marker (or all of it). */
export function correctionHead(text: string): string {
  const first = text.search(new RegExp(CORRECTION.source));
  return first < 0 ? text : text.slice(0, first);
}

export function hasCorrection(text: string): boolean {
  return new RegExp(CORRECTION.source).test(text);
}

/** Parses the corrected part first, then the whole message. */
export function withCorrection<T>(text: string, parse: (part: string) => T | undefined): T | undefined {
  const tail = correctionTail(text);
  const fromTail = tail === undefined ? undefined : parse(tail);
  return fromTail ?? parse(text);
}

const NEGATION_BEFORE =
  /\b(?:not|no|never|nunca|ni|don'?t|do not|doesn'?t|won'?t|can'?t|no longer|ya no|sin)\b(?:\s+\S+){0,3}\s*$/;

/**
 * True when the words just before `index` (up to three, inside the same clause) negate what is at `index`:
 * "I don't want to LOSE weight", "no quiero BAJAR de peso", "not VEGAN".
 */
export function isNegatedAt(text: string, index: number): boolean {
  const clause =
    text
      .slice(0, index)
      .split(/[,.;!?:]|\bbut\b|\bpero\b/)
      .pop() ?? '';
  return NEGATION_BEFORE.test(clause);
}

/** Splits into clauses on sentence punctuation and contrast words ("no allergies BUT I hate fish"). */
export function clauses(text: string): string[] {
  return text
    .split(/[.;!?\n]|\bbut\b|\bpero\b|\bhowever\b|\balthough\b|\bthough\b|\baunque\b|\bsin embargo\b/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export interface Mention<T> {
  value: T;
  index: number;
}

/** Every non-negated match of each pattern, in order of position in the text. */
export function findMentions<T>(text: string, patterns: readonly (readonly [RegExp, T])[]): Mention<T>[] {
  const found: Mention<T>[] = [];
  for (const [pattern, value] of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    for (const match of text.matchAll(global)) {
      if (!isNegatedAt(text, match.index)) found.push({ value, index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * One value from ordered mentions: the only distinct value; or, when several distinct values are named and the
 * message is a correction, the last one; otherwise undefined (ambiguous).
 */
export function pickMention<T>(text: string, mentions: readonly Mention<T>[]): T | undefined {
  const distinct = new Set(mentions.map((m) => m.value));
  if (distinct.size === 1) return mentions[0]?.value;
  if (distinct.size > 1 && hasCorrection(text)) return mentions[mentions.length - 1]?.value;
  return undefined;
}

/** Reads "12", "12.5", "1,000" and "1,65" (comma followed by exactly three digits is a thousands separator). */
export function toNumber(raw: string): number {
  const thousands = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw);
  const cleaned = thousands ? raw.replace(/,/g, '') : raw.replace(',', '.');
  return Number.parseFloat(cleaned);
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
