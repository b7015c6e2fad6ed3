import { describe, expect, it } from 'vitest';
import { parseWeeklyDelivery, type WeeklyCommand } from './weekly-delivery-intent.ts';

/** Expected readings, written before the parser. `undefined`: not about weekly delivery at all. */
const TABLE: readonly [string, WeeklyCommand | undefined][] = [
  // English: on, with and without a day
  ['weekly on', { kind: 'on' }],
  ['Weekly ON', { kind: 'on' }],
  ['weekly on sundays', { kind: 'on', weekday: 'sunday' }],
  ['weekly on sunday', { kind: 'on', weekday: 'sunday' }],
  ['Weekly On Sundays!!', { kind: 'on', weekday: 'sunday' }],
  ['weekly on mondays', { kind: 'on', weekday: 'monday' }],
  ['weekly plan on tuesday', { kind: 'on', weekday: 'tuesday' }],
  ['weekly plans on wednesdays please', { kind: 'on', weekday: 'wednesday' }],
  ['weekly on thu', { kind: 'on', weekday: 'thursday' }],
  ['weekly on sat', { kind: 'on', weekday: 'saturday' }],
  ['send my plan every monday', { kind: 'on', weekday: 'monday' }],
  ['send me a plan every friday', { kind: 'on', weekday: 'friday' }],
  ['send me my plan every Saturday morning', { kind: 'on', weekday: 'saturday' }],
  ['plan every sunday', { kind: 'on', weekday: 'sunday' }],
  ['turn on weekly plans', { kind: 'on' }],
  ['start weekly plan', { kind: 'on' }],
  ['weekly plan every thursday', { kind: 'on', weekday: 'thursday' }],
  // Added 2026-11-26 (a helper found "thursdays" read as Tuesday): every plural is its own day, never a near one.
  ['weekly on thursdays', { kind: 'on', weekday: 'thursday' }],
  ['weekly on tuesdays', { kind: 'on', weekday: 'tuesday' }],
  ['weekly on fridays', { kind: 'on', weekday: 'friday' }],
  ['weekly on saturdays', { kind: 'on', weekday: 'saturday' }],
  ['semanal los jueves', { kind: 'on', weekday: 'thursday' }],
  // English typos
  ['wekly on', { kind: 'on' }],
  ['weeky on sundays', { kind: 'on', weekday: 'sunday' }],
  ['weekley plan on fridya', { kind: 'on', weekday: 'friday' }],
  ['weekly on wensday', { kind: 'on', weekday: 'wednesday' }],
  ['send my plan evry monday', { kind: 'on', weekday: 'monday' }],
  ['weekly on tuseday', { kind: 'on', weekday: 'tuesday' }],
  // English: off and status
  ['weekly off', { kind: 'off' }],
  ['weekly plan off', { kind: 'off' }],
  ['wekly off', { kind: 'off' }],
  ['stop weekly plans', { kind: 'off' }],
  ['turn off weekly plan', { kind: 'off' }],
  ['no more weekly plans', { kind: 'off' }],
  ['weekly', { kind: 'status' }],
  ['weekly?', { kind: 'status' }],
  ['weekly status', { kind: 'status' }],
  // A day that is no day
  ['weekly on someday', { kind: 'which_day' }],
  ['send my plan every blursday', { kind: 'which_day' }],
  // Spanish
  ['semanal sí', { kind: 'on' }],
  ['semanal si', { kind: 'on' }],
  ['Semanal Sí', { kind: 'on' }],
  ['plan semanal sí', { kind: 'on' }],
  ['plan semanal los domingos', { kind: 'on', weekday: 'sunday' }],
  ['plan semanal los lunes', { kind: 'on', weekday: 'monday' }],
  ['semanal el martes', { kind: 'on', weekday: 'tuesday' }],
  ['semanal los miércoles', { kind: 'on', weekday: 'wednesday' }],
  ['semanal los miercoles', { kind: 'on', weekday: 'wednesday' }],
  ['semanal jueves', { kind: 'on', weekday: 'thursday' }],
  ['plan semanal los viernes', { kind: 'on', weekday: 'friday' }],
  ['plan semanal los sábados', { kind: 'on', weekday: 'saturday' }],
  ['plan semanal los sabados', { kind: 'on', weekday: 'saturday' }],
  ['envíame el plan cada lunes', { kind: 'on', weekday: 'monday' }],
  ['envíame el plan cada miercoles', { kind: 'on', weekday: 'wednesday' }],
  ['mándame mi plan cada domingo', { kind: 'on', weekday: 'sunday' }],
  ['activar plan semanal', { kind: 'on' }],
  ['activa el plan semanal', { kind: 'on' }],
  // Spanish typos
  ['semenal si', { kind: 'on' }],
  ['semanl sí', { kind: 'on' }],
  ['plan semanal los domngos', { kind: 'on', weekday: 'sunday' }],
  ['semanal los mierkoles', { kind: 'on', weekday: 'wednesday' }],
  // Spanish: off and status
  ['semanal no', { kind: 'off' }],
  ['plan semanal no', { kind: 'off' }],
  ['semenal no', { kind: 'off' }],
  ['desactivar plan semanal', { kind: 'off' }],
  ['no quiero el plan semanal', { kind: 'off' }],
  ['sin plan semanal', { kind: 'off' }],
  ['semanal', { kind: 'status' }],
  ['¿semanal?', { kind: 'status' }],
  ['plan semanal los algúndía', { kind: 'which_day' }],
  // Not about weekly delivery: left to the other intents
  ['plan', undefined],
  ['weekly plan', undefined],
  ['plan semanal', undefined],
  ['make me a weekly plan', undefined],
  ['what is on sunday', undefined],
  ['no fish this week', undefined],
  ['had eggs on sunday', undefined],
  ['I eat out every friday', undefined],
  ['week summary', undefined],
  ['resumen semanal', undefined],
  ['STOP', undefined],
  ['on', undefined],
  ['sí', undefined],
  ['', undefined],
  ['weekly '.repeat(100), undefined],
];

describe('parseWeeklyDelivery', () => {
  it.each(TABLE)('%j → %j', (text, expected) => {
    expect(parseWeeklyDelivery(text)).toStrictEqual(expected);
  });
});
