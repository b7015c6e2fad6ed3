/**
 * A reproducible trace of messages for the language cache bench: users with a language each, general questions
 * drawn Zipf-distributed over their meanings with a paraphrase picked uniformly, and personal messages mixed in.
 * Meanings are the knowledge base's entries (canonical question, the hand-written paraphrases of
 * `test/fixtures/nutrition-questions.ts`, its terms as short questions, a typo) and the general questions of
 * `language-questions.ts`. A text that two meanings share is dropped from both, so a text has one meaning.
 */
import { loadKnowledgeBase } from '../src/core/knowledge/knowledge-base.ts';
import { nutritionQuestions } from '../test/fixtures/nutrition-questions.ts';
import { EXTRA_QUESTIONS, NAMES, PERSONAL_TEMPLATES } from './language-questions.ts';
import { seededRandom } from './random-planner.ts';

export type Locale = 'en' | 'es';

export interface Meaning {
  id: string;
  /** The knowledge-base entry a model answers it with; null: outside the knowledge base ("no match"). */
  entryId: string | null;
  variants: Record<Locale, string[]>;
}

export interface TraceMessage {
  user: string;
  locale: Locale;
  text: string;
  /** The meaning of a general question; undefined for a personal message. */
  meaning?: string;
}

export interface TraceOptions {
  seed: number;
  users: number;
  messages: number;
  /** Share of messages that are personal. */
  personalShare: number;
  /** Share of users who write in Spanish. */
  spanishShare: number;
  zipfS: number;
}

export function buildMeanings(random: () => number): Meaning[] {
  const meanings: Meaning[] = [];
  for (const entry of loadKnowledgeBase().entries) {
    const variants: Record<Locale, string[]> = { en: [], es: [] };
    for (const locale of ['en', 'es'] as const) {
      const side = entry[locale];
      const asked = nutritionQuestions.filter((row) => row.expected === entry.id && row.locale === locale);
      const terms = side.terms.slice(0, 2);
      variants[locale] = [
        side.question,
        side.question.toLowerCase().replace(/[¿?¡!.,']/g, ''),
        ...asked.map((row) => row.text),
        ...terms.map((term) => `${term}?`),
        locale === 'en' ? `hey, ${lowerFirst(side.question)}` : `oye, ${lowerFirst(side.question)}`,
        typo(side.question, random),
      ];
    }
    meanings.push({ id: entry.id, entryId: entry.id, variants });
  }
  for (const extra of EXTRA_QUESTIONS)
    meanings.push({
      id: `extra:${extra.id}`,
      entryId: null,
      variants: { en: [...extra.en, extra.en[0]?.toLowerCase() ?? ''], es: extra.es },
    });
  // One meaning per text: a text shared by two meanings is dropped from both.
  const owners = new Map<string, Set<string>>();
  for (const meaning of meanings)
    for (const text of [...meaning.variants.en, ...meaning.variants.es])
      owners.set(text, (owners.get(text) ?? new Set()).add(meaning.id));
  for (const meaning of meanings)
    for (const locale of ['en', 'es'] as const)
      meaning.variants[locale] = [...new Set(meaning.variants[locale])].filter(
        (text) => text !== '' && owners.get(text)?.size === 1,
      );
  return meanings;
}

/** The cumulative Zipf distribution over ranks 1 … n with exponent s. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const weights = Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** s);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight / total;
    cumulative.push(running);
  }
  return () => {
    const u = random();
    const index = cumulative.findIndex((bound) => u <= bound);
    return index === -1 ? n - 1 : index;
  };
}

export function buildTrace(options: TraceOptions): { meanings: Meaning[]; messages: TraceMessage[] } {
  const random = seededRandom(options.seed);
  const meanings = buildMeanings(random);
  // Popularity order is random, so the head of the distribution is not one topic's file.
  const byRank = shuffle([...meanings], random);
  const rank = zipfSampler(byRank.length, options.zipfS, random);
  const users = Array.from({ length: options.users }, (_, index) => ({
    id: `user-${String(index + 1).padStart(3, '0')}`,
    locale: (random() < options.spanishShare ? 'es' : 'en') as Locale,
    name: NAMES[index % NAMES.length] ?? 'Alex',
    weight: 55 + Math.floor(random() * 50),
  }));
  const messages: TraceMessage[] = [];
  for (let index = 0; index < options.messages; index++) {
    // Every user writes at least once; then anyone may.
    const user = users[index < users.length ? index : Math.floor(random() * users.length)];
    if (user === undefined) continue;
    if (random() < options.personalShare) {
      const template = pick(PERSONAL_TEMPLATES[user.locale], random);
      const text = template
        .replace('{n}', String(1 + Math.floor(random() * 3)))
        .replace('{w}', String(user.weight))
        .replace('{name}', user.name);
      messages.push({ user: user.id, locale: user.locale, text });
      continue;
    }
    const meaning = byRank[rank()];
    if (meaning === undefined) continue;
    const variants =
      meaning.variants[user.locale].length > 0 ? meaning.variants[user.locale] : meaning.variants.en;
    messages.push({ user: user.id, locale: user.locale, text: pick(variants, random), meaning: meaning.id });
  }
  return { meanings, messages };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function lowerFirst(text: string): string {
  return text.replace(/^¿?./, (first) => first.toLowerCase());
}

/** Two neighbouring letters of the longest word swapped: "protein" → "protien". */
function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((word, index) => {
    if (word.length > (words[longest]?.length ?? 0)) longest = index;
  });
  const word = words[longest] ?? '';
  if (word.length < 5) return text.toLowerCase();
  const at = 1 + Math.floor(random() * (word.length - 3));
  words[longest] = word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  return words.join(' ').toLowerCase();
}
