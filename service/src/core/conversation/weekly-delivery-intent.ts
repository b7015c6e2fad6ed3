import { WEEKDAYS, type Weekday } from '../domain/weekly-delivery.ts';
import { allowedEdits, editDistance } from '../logging/fuzzy.ts';
import type { Decision } from './conversation-types.ts';
import type { MessageCatalog } from './messages/index.ts';
import type { WeeklyCommand } from './weekly-delivery-effect.ts';

export type { WeeklyCommand } from './weekly-delivery-effect.ts';

const MAX_LENGTH = 200;

const WEEKLY_WORDS = ['weekly', 'semanal'];
/** Close to "semanal" but something else: "sin pollo esta semana" is a plan edit, not "weekly off". */
const NOT_WEEKLY = new Set(['semana', 'semanas', 'semanales', 'week', 'weeks', 'weekday', 'weekend']);

const ON_WORDS = new Set(['on', 'si', 'yes', 'start', 'activar', 'activa', 'activalo', 'enable']);
const OFF_WORDS = new Set([
  'off',
  'no',
  'stop',
  'desactivar',
  'desactiva',
  'sin',
  'cancel',
  'disable',
  'quitar',
]);
const STATUS_WORDS = new Set(['status', 'estado']);
const PLAN_WORDS = new Set(['plan', 'plans', 'planes']);
/** Words before a day ("on sundays", "los domingos", "every monday"); an unknown word after one asks for the day. */
const DAY_CUES = new Set(['on', 'every', 'each', 'cada', 'los', 'el', 'las']);
const FILLER = new Set([
  'my',
  'me',
  'the',
  'a',
  'i',
  'please',
  'turn',
  'more',
  'want',
  'send',
  'morning',
  'mornings',
  'mi',
  'la',
  'de',
  'del',
  'por',
  'favor',
  'quiero',
  'envia',
  'enviame',
  'manda',
  'mandame',
  'manana',
  'mananas',
]);

const DAY_NAMES: Readonly<Record<Weekday, readonly string[]>> = {
  sunday: ['sunday', 'domingo'],
  monday: ['monday', 'lunes'],
  tuesday: ['tuesday', 'martes'],
  wednesday: ['wednesday', 'miercoles'],
  thursday: ['thursday', 'jueves'],
  friday: ['friday', 'viernes'],
  saturday: ['saturday', 'sabado'],
};
const DAY_ABBREVIATIONS: Readonly<Record<string, Weekday>> = {
  sun: 'sunday',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
};

/** One or two typing slips, never in the first letter ("fridya", "wensday"; "blursday" is no Thursday). */
function nearly(token: string, word: string): boolean {
  if (token === word) return true;
  if (token[0] !== word[0]) return false;
  const max = allowedEdits(word.length);
  return max > 0 && editDistance(token, word, max) <= max;
}

function isWeeklyWord(token: string): boolean {
  return !NOT_WEEKLY.has(token) && WEEKLY_WORDS.some((word) => nearly(token, word));
}

/**
 * A day name exactly (or its plural) first; otherwise the nearest one within the typing slips `nearly` allows, so
 * "thursdays" is Thursday even though it is also two slips from "tuesdays".
 */
function weekdayOf(token: string): Weekday | undefined {
  const abbreviated = DAY_ABBREVIATIONS[token];
  if (abbreviated) return abbreviated;
  const forms = WEEKDAYS.flatMap((day) =>
    DAY_NAMES[day].flatMap((name) => [name, `${name}s`]).map((form) => ({ day, form })),
  );
  const exact = forms.find(({ form }) => form === token);
  if (exact) return exact.day;
  let best: { day: Weekday; distance: number } | undefined;
  for (const { day, form } of forms) {
    if (!nearly(token, form)) continue;
    const distance = editDistance(token, form, allowedEdits(form.length));
    if (best === undefined || distance < best.distance) best = { day, distance };
  }
  return best?.day;
}

function tokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

/**
 * Reads "weekly on", "weekly on sundays", "send my plan every monday", "weekly off", "semanal sí", "plan semanal los
 * domingos", "semanal no" (typos within an edit or two). Only short messages made of these words count, so "no fish
 * in my weekly plan" stays a plan edit and "weekly plan" a plan request.
 */
export function parseWeeklyDelivery(text: string): WeeklyCommand | undefined {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return undefined;
  const words = tokens(text);
  if (words.length === 0 || words.length > 12) return undefined;
  let weekly = false;
  let plan = false;
  let on = false;
  let off = false;
  let status = false;
  let weekday: Weekday | undefined;
  let unknownAfterCue = false;
  for (const [index, word] of words.entries()) {
    if (isWeeklyWord(word)) weekly = true;
    else if (PLAN_WORDS.has(word)) plan = true;
    else if (OFF_WORDS.has(word)) off = true;
    else if (STATUS_WORDS.has(word)) status = true;
    else if (weekdayOf(word)) weekday ??= weekdayOf(word);
    else if (ON_WORDS.has(word)) on = true;
    else if (DAY_CUES.has(word) || nearly(word, 'every') || FILLER.has(word)) continue;
    else if (index > 0 && isDayCue(words[index - 1])) unknownAfterCue = true;
    else return undefined;
  }
  const every = words.some((word, index) => isDayCue(word) && index < words.length - 1);
  if (!weekly) {
    // Without the word "weekly" only "send my plan every <day>" / "envíame el plan cada <día>" asks for it.
    if (!plan || !words.some((word) => word === 'cada' || nearly(word, 'every'))) return undefined;
    if (off || status) return undefined;
    if (weekday) return { kind: 'on', weekday };
    return unknownAfterCue ? { kind: 'which_day' } : undefined;
  }
  if (off) return { kind: 'off' };
  if (weekday) return { kind: 'on', weekday };
  if (unknownAfterCue) return { kind: 'which_day' };
  if (on) return { kind: 'on' };
  // "weekly" alone asks how it is set; "weekly plan" is a plan request.
  return status || !(plan || every) ? { kind: 'status' } : undefined;
}

function isDayCue(word: string | undefined): boolean {
  return word !== undefined && (DAY_CUES.has(word) || nearly(word, 'every'));
}

/** A ready user's weekly command as a decision: asking for the day is answered here, the rest after the commit. */
export function weeklyDeliveryDecision(
  text: string,
  base: Decision,
  m: MessageCatalog,
): Decision | undefined {
  const command = parseWeeklyDelivery(text);
  if (!command) return undefined;
  if (command.kind === 'which_day') return { ...base, replies: [m.weekly.whichDay()] };
  return { ...base, effect: { kind: 'weekly_delivery', command } };
}
