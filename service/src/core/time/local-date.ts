/**
 * Calendar dates in a user's time zone, through Intl only (core stays free of node builtins). A "date" here is the
 * ISO calendar day `YYYY-MM-DD` a person living in the zone would call today.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (any case; "America/Chicago", "utc"). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in a zone: calendar date, hour (0–23) and minute. An unknown zone falls back to UTC. */
export function wallClock(instant: Date, timeZone: string): { date: string; hour: number; minute: number } {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = formatterFor(zone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    // Some ICU versions write midnight as 24 even with h23.
    hour: Number(part('hour')) % 24,
    minute: Number(part('minute')),
  };
}

/** The local calendar date of `instant` in `timeZone`; an unknown zone falls back to UTC rather than failing. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

const DAY_MS = 86_400_000;

/** `date` moved by whole calendar days ("2026-11-26", -6 → "2026-11-20"); pure date arithmetic, no zone. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
