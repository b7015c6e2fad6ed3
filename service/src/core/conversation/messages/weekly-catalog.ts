import type { Weekday } from '../../domain/weekly-delivery.ts';

/** Where and when the weekly plan goes: the day's name, the window (HH:MM) and the user's zone. */
export interface WeeklySchedule {
  weekday: Weekday;
  from: string;
  until: string;
  zone: string;
}

/** Replies about weekly plan delivery and the line that opens a delivered plan (issue 5 item 3). */
export interface WeeklyMessages {
  turnedOn(schedule: WeeklySchedule): string;
  isOn(schedule: WeeklySchedule): string;
  turnedOff(): string;
  isOff(): string;
  whichDay(): string;
}
