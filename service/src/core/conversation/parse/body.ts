import { type Body, bodySchema, type Sex } from '../../domain/profile.ts';
import { extractActivity } from './activity.ts';
import { extractHeightCm, extractWeightKg } from './body-measures.ts';
import { normalize } from './normalize.ts';
import { correctionHead, correctionTail } from './text.ts';

/** Youngest age the product may onboard (COPPA: no one under 13). */
export const MIN_AGE = 13;

/**
 * The user said they are younger than 13. Nothing else from the message is kept (data minimisation: the product
 * must not collect data from a child); the caller stops onboarding.
 */
export interface TooYoung {
  tooYoung: true;
}

export type ParsedBody = Body | TooYoung;

export function isTooYoung(parsed: ParsedBody | undefined): parsed is TooYoung {
  return parsed !== undefined && 'tooYoung' in parsed && parsed.tooYoung === true;
}

const AGE_SEX = /\b(\d{2})\s*\/?\s*([mf])\b/;
const AGE_EXPLICIT = /\b(\d{1,3})\s*(?:-\s*)?(?:years?|yrs?|y\/o|yo|anos|ano)(?:[\s-]*old)?\b/;
const AGE_LEAD = /\b(?:i'm|i am|im|age|aged|edad|tengo|i turned|turned|cumpli)\s*:?\s*(\d{1,3})\b(?![.,]\d)/;
const BARE_NUMBER = /(?<![\w.,'"$/])(\d{1,3})(?![\w.,'"%$/]*\w)/g;

// "woman"/"man"/"guy" count after "a" ("I'm a man") or as an item of a list ("34, woman, 165cm"), so that
// "man I am tired" is not read as an answer.
const item = (words: string): string =>
  `\\ban?\\s+(?:${words})\\b|(?:^|[\\d,/]\\s*)(?:${words})(?=\\s*(?:$|[,/.!]|\\d))`;
const FEMALE = new RegExp(
  `\\b(?:female|mujer|femenin[oa])\\b|${item('woman|girl|lady|chica')}|(?<![\\w'])f(?![\\w'])`,
);
const MALE = new RegExp(
  `\\b(?:male|hombre|masculino|varon)\\b|${item('man|guy|chico')}|(?<![\\w'])m(?![\\w'])`,
);

interface AgeRead {
  age: number | undefined;
  rest: string;
}

function extractAge(text: string, wholeMessage: boolean): AgeRead {
  for (const pattern of [AGE_SEX, AGE_EXPLICIT, AGE_LEAD]) {
    const match = pattern.exec(text);
    if (match)
      return { age: Number(match[1]), rest: text.replace(pattern, pattern === AGE_SEX ? ' $2 ' : ' ') };
  }
  const bare = [...text.matchAll(BARE_NUMBER)].map((m) => Number(m[1]));
  // A lone number is an age when it is the whole answer (then even 1–12 counts, for COPPA), or when it is the
  // only number in a plausible age range in a longer message ("34 f 165cm").
  if (wholeMessage && bare.length === 1) return { age: bare[0], rest: '' };
  const plausible = bare.filter((n) => n >= MIN_AGE && n <= 120);
  if (plausible.length === 1) return { age: plausible[0], rest: text };
  return { age: undefined, rest: text };
}

function extractSex(text: string): Sex | undefined {
  const female = FEMALE.test(text);
  const male = MALE.test(text);
  if (female === male) return undefined; // neither, or both (ambiguous)
  return female ? 'female' : 'male';
}

function fromText(text: string): ParsedBody | undefined {
  const height = extractHeightCm(text);
  const weight = extractWeightKg(height.rest);
  const activity = extractActivity(weight.rest);
  const { age, rest } = extractAge(activity?.rest ?? weight.rest, /^\d{1,3}[\s.!]*$/.test(text));
  if (age !== undefined && age < MIN_AGE) return { tooYoung: true };
  const candidate: Body = {
    age,
    sex: extractSex(rest),
    heightCm: height.value,
    weightKg: weight.value,
    activity: activity?.activity,
  };
  // Keep each field only if it is inside the Body schema's range: out-of-range values are rejected, not clamped.
  const body: Body = {};
  for (const key of Object.keys(candidate) as (keyof Body)[]) {
    if (candidate[key] === undefined) continue;
    const one = bodySchema.safeParse({ [key]: candidate[key] });
    if (one.success) Object.assign(body, one.data);
  }
  return Object.keys(body).length > 0 ? body : undefined;
}

/**
 * Whatever body facts a message holds: age, sex, height (cm), weight (kg), activity; several may come in one
 * message ("34 f 165cm 70kg moderate"). Values outside the Body schema ranges are dropped. An age under 13
 * returns `{ tooYoung: true }` and nothing else. A correction ("34, sorry 35") overrides the fields it names;
 * if either part of the message says under 13, the result is tooYoung (safety first). Undefined when nothing.
 */
export function parseBody(text: string): ParsedBody | undefined {
  const normal = normalize(text);
  const tail = correctionTail(normal);
  if (tail === undefined) return fromText(normal);
  const before = fromText(correctionHead(normal).trim());
  const after = fromText(tail);
  if (isTooYoung(before) || isTooYoung(after)) return { tooYoung: true };
  const merged = { ...before, ...after };
  return Object.keys(merged).length > 0 ? merged : undefined;
}
