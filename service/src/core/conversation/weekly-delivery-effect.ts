import type { Weekday } from '../domain/weekly-delivery.ts';

/** What a message asks of weekly delivery: turn it on (on a day, or the current one), off, say how it is set. */
export type WeeklyCommand =
  | { kind: 'on'; weekday?: Weekday }
  | { kind: 'off' }
  | { kind: 'status' }
  /** "weekly on someday": a day was meant but none was named. */
  | { kind: 'which_day' };

/** The work a weekly command needs from the stores: turn it on or off, or read how it is set. */
export interface WeeklyDeliveryEffect {
  kind: 'weekly_delivery';
  command: Exclude<WeeklyCommand, { kind: 'which_day' }>;
}
