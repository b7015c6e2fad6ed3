import type { Household } from '../../domain/profile.ts';
import { normalize } from './normalize.ts';
import { withCorrection } from './text.ts';

const MAX = 12;
const ADJ = '(?:(?:little|small|young|younger|older|teenage|grown|adult|pequen[oa]s|chiquit[oa]s) )?';

const CHILD_SINGULAR =
  'kid|child|son|daughter|baby|toddler|boy|girl|teen|teenager|nino|nina|hijo|hija|bebe|nene|nena';
const CHILD_PLURAL =
  'kids|children|sons|daughters|babies|toddlers|boys|girls|teens|teenagers|ninos|ninas|hijos|hijas|bebes|nenes|nenas';
const ADULT_SINGULAR =
  'wife|husband|partner|spouse|girlfriend|boyfriend|fiancee?|hubby|roommate|flatmate|housemate|mom|mum|mother|dad|father|grandma|grandpa|grandmother|grandfather|sister|brother|mother-in-law|father-in-law|esposa|esposo|marido|pareja|novia|novio|mama|papa|madre|padre|abuela|abuelo|suegra|suegro|hermana|hermano|companer[oa] de piso';
const ADULT_PLURAL = 'roommates|flatmates|housemates|sisters|brothers|hermanas|hermanos|in-laws|suegros';
const ADULT_PAIR = 'parents|grandparents|padres|abuelos';
const CHILD_PAIR = 'twins|gemel[oa]s|melliz[oa]s';

/** Counts the people named by `nouns`: "2 kids" → 2, "a son"/"our daughter" → 1, "the kids" → NaN (unknown). */
function countNouns(text: string, singular: string, plural: string, pair = ''): number {
  const nouns = [singular, plural, pair].filter((n) => n.length > 0).join('|');
  const pattern = new RegExp(`(?:\\b(\\d+) ${ADJ})?\\b(${nouns})\\b`, 'g');
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    const noun = match[2] ?? '';
    if (match[1] !== undefined) count += Number(match[1]);
    else if (new RegExp(`^(?:${singular})$`).test(noun)) count += 1;
    else if (pair && new RegExp(`^(?:${pair})$`).test(noun)) count += 2;
    else return Number.NaN;
  }
  return count;
}

const FAMILY = /\bfamil(?:y|ia) (?:of|de) (\d+)\b/;
const GROUP = [
  /\b(\d+) (?:people|persons|personas|folks|of us|in (?:the|my|our) (?:house|household|family))\b/,
  /\b(?:we are|we're|were|there are|somos) (\d+)\b/,
  /\bcook(?:ing)? for (\d+)\b|\bcocin[oa] para (\d+)\b/,
  /\b(?:los|las) (\d+)(?=\s*(?:$|[,.!]|de nosotros))/,
  /^(\d+)[\s.!]*$/,
];
const EXPLICIT_ADULTS = /\b(\d+) (?:adults?|adultos?|grown[- ]?ups?|mayores)\b/g;
const COUPLE = /\bcouple\b/;
const SINGLE_PARENT = /\bsingle (?:mom|mum|mother|dad|father|parent)\b|\b(?:madre|padre) solter[oa]\b/g;
const SPEAKER =
  /\b(?:me|myself|alone|i live|just me|only me|yo|sol[oa]|single|soy yo|i'm single|nosotros)\b|^i$|\bi\b/;

function firstNumber(text: string, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const digits = match?.slice(1).find((group) => group !== undefined);
    if (digits !== undefined) return Number(digits);
  }
  return undefined;
}

function cap(n: number): number {
  return Math.min(MAX, Math.max(0, Math.round(n)));
}

function fromText(raw: string): Household | undefined {
  const speakerIsParent = new RegExp(SINGLE_PARENT.source).test(raw);
  const text = raw.replace(SINGLE_PARENT, ' me ');
  const children = countNouns(text, CHILD_SINGULAR, CHILD_PLURAL, CHILD_PAIR);
  const others = countNouns(text, ADULT_SINGULAR, ADULT_PLURAL, ADULT_PAIR);
  if (Number.isNaN(children) || Number.isNaN(others)) return undefined; // "me and the kids": how many?
  let explicitAdults: number | undefined;
  for (const match of text.matchAll(EXPLICIT_ADULTS))
    explicitAdults = (explicitAdults ?? 0) + Number(match[1]);
  const family = FAMILY.exec(text)?.[1];
  const total = family === undefined ? firstNumber(text, GROUP) : Number(family);
  let adults: number;
  let kids = children;
  if (explicitAdults !== undefined) {
    adults = explicitAdults;
    if (children === 0 && total !== undefined && total > adults) kids = total - adults;
  } else if (total !== undefined) {
    if (total < 1) return undefined;
    if (children > 0) adults = total - children >= 1 ? total - children : 1 + others;
    else if (family !== undefined && total >= 3) {
      // Documented rule: "family of N" is two adults and N-2 children (N ≥ 3), two adults for N = 2.
      adults = 2;
      kids = total - 2;
    } else adults = total; // "4 people", "somos 3", a bare "4": nothing says who is a child
  } else if (COUPLE.test(text)) adults = 2 + others;
  else if (children > 0 || others > 0 || speakerIsParent || SPEAKER.test(text)) adults = 1 + others;
  else return undefined;
  if (adults < 1) return undefined;
  return { adults: cap(adults), children: cap(kids) };
}

/**
 * Who the user cooks for, as adults and children (each capped at 12), or undefined when not understood.
 * Rules: the speaker is one adult, plus each adult named ("my wife", "my 2 roommates", "my parents" = 2);
 * children are counted from "2 kids", "a son", "our daughter"; a plural without a number ("the kids") is not
 * understood. "couple"/"two of us" → 2 adults. "N people", "somos N" or a bare N → N adults (nothing says who
 * is a child; adults also err towards enough food). "family of N" → 2 adults + N-2 children (N ≥ 3), 2/0 for
 * N = 2; when children are also named ("family of 4 with 1 kid") the rest are adults. "N adults" always wins.
 */
export function parseHousehold(text: string): Household | undefined {
  return withCorrection(normalize(text), fromText);
}
