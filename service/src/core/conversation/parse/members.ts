import {
  ACTIVITY_LEVELS,
  type ActivityLevel,
  type Member,
  memberSchema,
  type Relation,
  type Sex,
} from '../../domain/profile.ts';
import { extractActivity } from './activity.ts';
import { CM_PER_INCH, KG_PER_POUND } from './body-measures.ts';
import { normalize } from './normalize.ts';

/**
 * The other household members as the account holder describes them in one message: "partner 36 male, kids 8 and 5
 * (boy and girl)", "mi pareja 35 mujer, un niño de 8 y una niña de 5", optionally with height, weight and activity
 * after each person ("husband 42 male 183cm 90kg").
 *
 * - `members`: everyone named has an age and a sex.
 * - `incomplete`: people are named but an age (`"my husband and 2 kids"`) or a sex (`"niños de 8 y 5"`) is missing.
 * - `out_of_range`: an age, height or weight no one has, or more people than a household holds.
 * - `none`: nothing in the message describes people.
 */
export type MembersAnswer =
  /** `named`: a relation (partner, hijo) was said, not only ages and sexes. */
  | { kind: 'members'; members: Member[]; named: boolean }
  | { kind: 'incomplete'; missing: 'age' | 'sex' }
  | { kind: 'out_of_range' }
  | { kind: 'none' };

/** Longer messages are not member lists; reading them costs more than it could give. */
const MAX_LENGTH = 600;
/** Everyone but the account holder: the household holds at most 12 adults and 12 children. */
const MAX_MEMBERS = 23;
const MAX_AGE = 110;
const ADULT_AGE = 18;

interface Noun {
  relation: Relation;
  sex?: Sex;
}

const nouns = (relation: Relation, sex: Sex | undefined, words: string): [string, Noun][] =>
  words.split(' ').map((word) => [word, sex ? { relation, sex } : { relation }]);

/** Accent-free, lower-case nouns (the text is normalised first); plural masculine Spanish nouns carry no sex. */
const NOUNS = new Map<string, Noun>([
  ...nouns('partner', undefined, 'partner partners spouse pareja conyuge'),
  ...nouns('partner', 'female', 'wife girlfriend fiancee esposa novia'),
  ...nouns('partner', 'male', 'husband hubby boyfriend fiance esposo marido novio'),
  ...nouns(
    'child',
    undefined,
    'kid kids child children baby babies toddler toddlers teen teens teenager teenagers ninos hijos bebe bebes nenes twins gemelos mellizos',
  ),
  ...nouns('child', 'male', 'son sons stepson boy boys hijo nino nene chico'),
  ...nouns(
    'child',
    'female',
    'daughter daughters stepdaughter girl girls hija hijas nina ninas nena nenas chica chicas',
  ),
  ...nouns('parent', undefined, 'parent parents padres'),
  ...nouns('parent', 'female', 'mom mum mother mama madre suegra mother-in-law'),
  ...nouns('parent', 'male', 'dad father papa padre suegro father-in-law'),
  ...nouns('grandparent', undefined, 'grandparent grandparents abuelos'),
  ...nouns('grandparent', 'female', 'grandma grandmother granny abuela'),
  ...nouns('grandparent', 'male', 'grandpa grandfather abuelo'),
  ...nouns('sibling', undefined, 'sibling siblings hermanos'),
  ...nouns('sibling', 'female', 'sister sisters hermana hermanas'),
  ...nouns('sibling', 'male', 'brother brothers hermano'),
  ...nouns(
    'other',
    undefined,
    'roommate roommates flatmate housemate friend adult adults adulto adultos person cousin primos',
  ),
  ...nouns('other', 'female', 'aunt tia amiga prima niece sobrina'),
  ...nouns('other', 'male', 'uncle tio amigo primo nephew sobrino'),
]);

/** Plurals: a number right before one of these counts people ("2 kids") rather than giving an age. */
const PLURALS = new Set(
  'partners kids children babies toddlers teens teenagers ninos ninas hijos hijas bebes nenes nenas twins gemelos mellizos sons boys daughters girls chicas parents padres grandparents abuelos siblings hermanos sisters hermanas brothers roommates adults adultos primos'.split(
    ' ',
  ),
);

const SEX_WORDS = new Map<string, Sex>([
  ...['male', 'm', 'man', 'guy', 'hombre', 'masculino', 'varon'].map((w): [string, Sex] => [w, 'male']),
  ...['female', 'f', 'woman', 'lady', 'mujer', 'femenino', 'femenina'].map((w): [string, Sex] => [
    w,
    'female',
  ]),
]);

/** The account holder naming themselves: their own age and sex are in their profile, not a member. */
const SELF = new Set(['me', 'myself', 'yo', 'i']);
/** Words between a noun and its age: "son who is 10", "niña de 5", "daughter aged 7". */
const FILLERS = new Set([
  'of',
  'de',
  'aged',
  'age',
  'is',
  'who',
  'edad',
  'con',
  'a',
  'an',
  'un',
  'una',
  'my',
  'our',
  'mi',
  'mis',
  'el',
  'la',
  'the',
]);

type Token =
  | { kind: 'age'; value: number; at: number; adjacent: boolean }
  | { kind: 'count'; at: number }
  | { kind: 'height'; cm: number; at: number }
  | { kind: 'weight'; kg: number; at: number }
  | { kind: 'word'; word: string; at: number; adjacent: boolean };

const TOKEN = new RegExp(
  [
    String.raw`(?<ft>\d)\s*(?:'|ft\b|feet\b|foot\b|pies?\b)\s*(?:(?<inch>1[01]|\d)(?!\d)\s*(?:"|''|in\b|inch(?:es)?\b|pulgadas?\b)?)?`,
    String.raw`(?<cm>\d{2,3}(?:\.\d)?)\s*(?:cm|cms|centimet(?:er|re)s?|centimetros?)\b`,
    String.raw`(?<metres>[12]\.\d{1,2})\s*(?:m|mt|mts|meters?|metres?|metros?)\b`,
    String.raw`(?<kg>\d{1,3}(?:\.\d+)?)\s*(?:kg|kgs|kilos?|kilograms?|kilogramos?)\b`,
    String.raw`(?<lb>\d{1,3}(?:\.\d+)?)\s*(?:lbs?|pounds?|libras?)\b`,
    String.raw`(?<months>\d{1,2})\s*(?:months?|mos?|meses)\b(?:\s*old)?`,
    String.raw`(?<age>\d{1,4}(?:\.\d+)?)(?:\s*-?\s*(?:years?|yrs?|y\/o|yo|anos?)\b(?:[\s-]*old)?)?`,
    '(?<word>[a-z]+(?:-[a-z]+)*)',
  ].join('|'),
  'g',
);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lastEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const g = match.groups ?? {};
    const at = match.index;
    // Only spaces since the previous token: "8 boy" binds the sex to the 8, "8, boy" does not.
    const adjacent = lastEnd >= 0 && /^\s*$/.test(text.slice(lastEnd, at));
    lastEnd = at + match[0].length;
    if (g.ft !== undefined)
      tokens.push({ kind: 'height', cm: (Number(g.ft) * 12 + Number(g.inch ?? 0)) * CM_PER_INCH, at });
    else if (g.cm !== undefined) tokens.push({ kind: 'height', cm: Number(g.cm), at });
    else if (g.metres !== undefined) tokens.push({ kind: 'height', cm: Number(g.metres) * 100, at });
    else if (g.kg !== undefined) tokens.push({ kind: 'weight', kg: Number(g.kg), at });
    else if (g.lb !== undefined) tokens.push({ kind: 'weight', kg: Number(g.lb) * KG_PER_POUND, at });
    else if (g.months !== undefined)
      tokens.push({ kind: 'age', value: Math.floor(Number(g.months) / 12), at, adjacent });
    else if (g.age !== undefined) tokens.push({ kind: 'age', value: Number(g.age), at, adjacent });
    else if (g.word !== undefined) tokens.push({ kind: 'word', word: g.word, at, adjacent });
  }
  return markCounts(tokens);
}

/** "2 kids", "1 girl", "a son": a number before a plural noun, or 1 before any noun, counts people. */
function markCounts(tokens: Token[]): Token[] {
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    if (token.kind !== 'age' || next?.kind !== 'word') return token;
    const noun = NOUNS.has(next.word) || SEX_WORDS.has(next.word);
    if (!next.adjacent) return token; // "36, kids 8 and 5": the 36 is the partner's age
    if (PLURALS.has(next.word) || (token.value === 1 && noun && !SEX_WORDS.has(next.word)))
      return { kind: 'count', at: token.at };
    return token;
  });
}

interface Draft {
  relation?: Relation;
  age: number;
  sex?: Sex;
  heightCm?: number;
  weightKg?: number;
  activity?: ActivityLevel;
  self: boolean;
  at: number;
}

function isFiller(word: string): boolean {
  return FILLERS.has(word) || word === 'and' || word === 'y';
}

function sexFor(walk: Walk): { sex?: Sex } {
  const sex = walk.sexQueue.shift() ?? walk.nounSex ?? walk.pendingSex;
  return sex ? { sex } : {};
}

/** The next token that is not a filler word: tells a prefix noun ("girl 5") from a suffix ("5 (girl)"). */
function nextMeaningful(tokens: Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.kind === 'word' && isFiller(token.word)) continue;
    return token;
  }
  return undefined;
}

interface Walk {
  people: Draft[];
  /** People named since the last noun; a group that ends with nobody lacks ages. */
  group: Draft[];
  groupHasNoun: boolean;
  emptyGroups: number;
  relation?: Relation;
  nounSex?: Sex;
  pendingSex?: Sex;
  sexQueue: Sex[];
  self: boolean;
  sawPeople: boolean;
  sawNoun: boolean;
  /** The last token was a noun that named nobody yet: a noun right after it names the same people. */
  mergeable: boolean;
}

function startGroup(walk: Walk, relation: Relation | undefined, sex: Sex | undefined, self = false): void {
  if (walk.groupHasNoun && walk.group.length === 0) walk.emptyGroups++;
  walk.mergeable = false;
  walk.group = [];
  walk.groupHasNoun = relation !== undefined;
  walk.relation = relation;
  walk.nounSex = sex;
  walk.pendingSex = undefined;
  walk.sexQueue = [];
  walk.self = self;
}

/** A word carrying a sex ("girl", "male", "esposa") after its age, in a list after ages, or before an age. */
function placeSex(walk: Walk, tokens: Token[], index: number, sex: Sex, noun: Noun | undefined): void {
  const token = tokens[index];
  const previous = walk.people.at(-1);
  if (token?.kind === 'word' && token.adjacent && previous && previous.sex === undefined) {
    const before = tokens[index - 1];
    if (before?.kind === 'age' && before.at === previous.at) {
      previous.sex = sex;
      // "36 year old husband": the noun after the age also says who they are.
      if (noun && previous.relation === undefined) previous.relation = noun.relation;
      return;
    }
  }
  const next = nextMeaningful(tokens, index + 1);
  const lacking = walk.group.find((person) => person.sex === undefined);
  if (next?.kind !== 'age' && lacking) {
    lacking.sex = sex;
    return;
  }
  if (noun && walk.mergeable && token?.kind === 'word' && token.adjacent) {
    // "baby girl", "twins boy and girl": later nouns say the sexes of the people the first one names, in order.
    walk.sexQueue.push(sex);
  } else if (noun) startGroup(walk, noun.relation, sex);
  else walk.pendingSex = sex;
}

function walkTokens(tokens: Token[]): Walk {
  const walk: Walk = {
    people: [],
    group: [],
    groupHasNoun: false,
    emptyGroups: 0,
    sexQueue: [],
    self: false,
    sawPeople: false,
    sawNoun: false,
    mergeable: false,
  };
  for (const [index, token] of tokens.entries()) {
    const last = walk.people.at(-1);
    if (token.kind === 'word') {
      const noun = NOUNS.get(token.word);
      const sex = SEX_WORDS.get(token.word) ?? noun?.sex;
      if (noun || sex) walk.sawPeople = true;
      if (noun) walk.sawNoun = true;
      if (SELF.has(token.word)) startGroup(walk, undefined, undefined, true);
      else if (sex) placeSex(walk, tokens, index, sex, noun);
      else if (noun && walk.mergeable && token.adjacent) walk.relation ??= noun.relation;
      else if (noun) startGroup(walk, noun.relation, undefined);
      // Only a noun directly after a noun (no age, number or comma between) names the same people.
      if (noun && walk.group.length === 0) walk.mergeable = true;
      else if (!noun && !isFiller(token.word)) walk.mergeable = false;
    } else if (token.kind === 'age') {
      const person: Draft = {
        ...(walk.relation ? { relation: walk.relation } : {}),
        age: token.value,
        ...sexFor(walk),
        self: walk.self,
        at: token.at,
      };
      walk.pendingSex = undefined;
      walk.self = false;
      walk.mergeable = false;
      walk.people.push(person);
      walk.group.push(person);
    } else if (token.kind === 'height' && last) last.heightCm = Math.round(token.cm * 10) / 10;
    else if (token.kind === 'weight' && last) last.weightKg = Math.round(token.kg * 10) / 10;
  }
  startGroup(walk, undefined, undefined);
  return walk;
}

/** "kids 8 and 5 very active": an activity named in a comma-separated part applies to the people in it. */
function applyActivities(text: string, people: Draft[]): void {
  let start = 0;
  for (const part of text.split(/[,;]/)) {
    const end = start + part.length;
    const found = extractActivity(part);
    if (found && (ACTIVITY_LEVELS as readonly string[]).includes(found.activity)) {
      for (const person of people)
        if (person.at >= start && person.at < end) person.activity = found.activity;
    }
    start = end + 1;
  }
}

function toMember(draft: Draft): Member | undefined {
  const candidate = {
    relation: draft.relation ?? (draft.age < ADULT_AGE ? 'child' : 'other'),
    age: draft.age,
    sex: draft.sex,
    ...(draft.heightCm !== undefined ? { heightCm: draft.heightCm } : {}),
    ...(draft.weightKg !== undefined ? { weightKg: draft.weightKg } : {}),
    ...(draft.activity !== undefined ? { activity: draft.activity } : {}),
  };
  const parsed = memberSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function parseMembers(raw: unknown): MembersAnswer {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return { kind: 'none' };
  const text = normalize(raw)
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/[()[\]{}]/g, ' | ');
  const walk = walkTokens(tokenize(text));
  applyActivities(text, walk.people);
  const others = walk.people.filter((person) => !person.self);
  // Bare numbers ("had 2 eggs") describe nobody: only a message naming people or a sex is an answer.
  if (!walk.sawPeople) return { kind: 'none' };
  if (others.length === 0) return { kind: 'incomplete', missing: 'age' };
  if (others.length > MAX_MEMBERS || others.some((p) => !Number.isInteger(p.age) || p.age > MAX_AGE))
    return { kind: 'out_of_range' };
  if (walk.emptyGroups > 0) return { kind: 'incomplete', missing: 'age' };
  if (others.some((person) => person.sex === undefined)) return { kind: 'incomplete', missing: 'sex' };
  const members = others.map(toMember);
  if (members.some((member) => member === undefined)) return { kind: 'out_of_range' };
  return {
    kind: 'members',
    members: members.filter((member) => member !== undefined),
    named: walk.sawNoun,
  };
}
