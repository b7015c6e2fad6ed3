import { wallClock } from './local-date.ts';

/** The wall clock in a zone at an instant: the calendar date, the weekday (0 = Sunday) and minutes since midnight. */
export interface LocalTime {
  date: string;
  weekday: number;
  minutes: number;
}

/**
 * What a clock on the wall in `timeZone` shows at `instant`, daylight saving included (Intl applies the zone's
 * rules). An unknown zone falls back to UTC, as `localDate` does.
 */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const { date, hour, minute } = wallClock(instant, timeZone);
  return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), minutes: hour * 60 + minute };
}

/** The ISO 8601 week of a calendar date, "2026-W44": weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** 480 → "08:00". */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
