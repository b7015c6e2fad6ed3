import { daysBetween, localDate } from '../time/local-date.ts';
import { withinOneEdit } from './plan-edit-words.ts';

/** A day as the user names it: relative to today ("tomorrow") or by weekday ("tuesday", 0 = Sunday). */
export type DayRef = { kind: 'offset'; offset: number } | { kind: 'weekday'; weekday: number };

const DAY_MS = 86_400_000;

const DAY_WORDS: Record<string, DayRef> = {
  today: { kind: 'offset', offset: 0 },
  tonight: { kind: 'offset', offset: 0 },
  tonite: { kind: 'offset', offset: 0 },
  hoy: { kind: 'offset', offset: 0 },
  noche: { kind: 'offset', offset: 0 },
  tomorrow: { kind: 'offset', offset: 1 },
  tmrw: { kind: 'offset', offset: 1 },
  tmr: { kind: 'offset', offset: 1 },
  manana: { kind: 'offset', offset: 1 },
  yesterday: { kind: 'offset', offset: -1 },
  ayer: { kind: 'offset', offset: -1 },
};

/** Weekday names and short forms, English and Spanish (accents already stripped), by JavaScript's getUTCDay. */
const WEEKDAY_WORDS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  domingo: 0,
  monday: 1,
  mon: 1,
  lunes: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  martes: 2,
  wednesday: 3,
  wed: 3,
  miercoles: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  jueves: 4,
  friday: 5,
  fri: 5,
  viernes: 5,
  saturday: 6,
  sat: 6,
  sabado: 6,
};

/** Only full names are matched with a typo ("fridy", "tuesdy"); short forms must be exact. */
const FULL_WEEKDAYS = Object.keys(WEEKDAY_WORDS).filter((word) => word.length >= 5);

/** A lower-case, accent-free word naming a day, or undefined. "tonight" and "noche" mean today. */
export function dayRefFromWord(word: string): DayRef | undefined {
  const relative = DAY_WORDS[word];
  if (relative) return relative;
  const exact = WEEKDAY_WORDS[word];
  if (exact !== undefined) return { kind: 'weekday', weekday: exact };
  if (word.length < 5) return undefined;
  const near = FULL_WEEKDAYS.find((name) => withinOneEdit(word, name));
  const weekday = near === undefined ? undefined : WEEKDAY_WORDS[near];
  return weekday === undefined ? undefined : { kind: 'weekday', weekday };
}

/** Today's index in a plan that starts on `weekStart` (day 0), today being the date in the user's time zone. */
export function todayIndex(weekStart: string, now: Date, timeZone = 'UTC'): number {
  return daysBetween(weekStart, localDate(now, timeZone));
}

/**
 * The index of the plan day a reference names, or undefined when that day is not in the plan. A weekday is the
 * next one from today on (the plan's remaining days), so "tuesday" never means a Tuesday already gone.
 */
export function planDayIndex(
  weekStart: string,
  now: Date,
  ref: DayRef,
  length: number,
  timeZone = 'UTC',
): number | undefined {
  const today = todayIndex(weekStart, now, timeZone);
  if (ref.kind === 'offset') {
    const index = today + ref.offset;
    return index >= 0 && index < length ? index : undefined;
  }
  for (let index = Math.max(today, 0); index < length; index++) {
    if (planDayWeekday(weekStart, index) === ref.weekday) return index;
  }
  return undefined;
}

/** The weekday (0 = Sunday) of a plan day. */
export function planDayWeekday(weekStart: string, index: number): number {
  return new Date(Date.parse(weekStart) + index * DAY_MS).getUTCDay();
}
