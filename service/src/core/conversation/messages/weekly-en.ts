import type { Weekday } from '../../domain/weekly-delivery.ts';
import type { WeeklyMessages, WeeklySchedule } from './weekly-catalog.ts';

const DAYS: Readonly<Record<Weekday, string>> = {
  sunday: 'Sunday',
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
};

const when = (s: WeeklySchedule) =>
  `every ${DAYS[s.weekday]}, between ${s.from} and ${s.until} your time (${s.zone})`;

export const weeklyEn: WeeklyMessages = {
  turnedOn: (s) => `Weekly plans on: I'll send you a new week's plan ${when(s)}. Say "weekly off" to stop.`,
  isOn: (s) => `Weekly plans are on: a new week's plan ${when(s)}. Say "weekly off" to stop.`,
  turnedOff: () =>
    `Weekly plans are off: I'll only send a plan when you ask. Say "weekly on" to start again.`,
  isOff: () =>
    `Weekly plans are off. Say "weekly on" to get a new week's plan every Sunday, or "weekly on mondays" for another day.`,
  whichDay: () =>
    `Which day should the weekly plan come? Say for example "weekly on sundays" or "weekly on fridays".`,
};
