import { describe, expect, it } from 'vitest';
import type { DayRef } from './plan-day.ts';
import { dayRefFromWord, planDayIndex, planDayWeekday } from './plan-day.ts';
import { type PlanEditParse, parsePlanEdit } from './plan-edit-intent.ts';
import { withinOneEdit } from './plan-edit-words.ts';

const today: DayRef = { kind: 'offset', offset: 0 };
const tomorrow: DayRef = { kind: 'offset', offset: 1 };
const yesterday: DayRef = { kind: 'offset', offset: -1 };
const weekday = (n: number): DayRef => ({ kind: 'weekday', weekday: n });
const swap = (slot: string, day: DayRef = today): PlanEditParse =>
  ({ kind: 'swap_meal', slot, day }) as PlanEditParse;

/** Expected readings, written before the parser. */
const SWAPS: [string, PlanEditParse][] = [
  ['swap dinner', swap('dinner')],
  ['Swap dinner!', swap('dinner')],
  ['swap tuesday lunch', swap('lunch', weekday(2))],
  ['swap lunch on friday', swap('lunch', weekday(5))],
  ["swap friday's lunch", swap('lunch', weekday(5))],
  ['another breakfast tomorrow', swap('breakfast', tomorrow)],
  ["change tonight's dinner", swap('dinner')],
  ['change tonight’s dinner please', swap('dinner')],
  ['change tonight', swap('dinner')],
  ['replace the snack on sat', swap('snack', weekday(6))],
  ['can you swap my dinner tomorrow', swap('dinner', tomorrow)],
  ['I want a different lunch', swap('lunch')],
  ['swap supper', swap('dinner')],
  ["swap yesterday's dinner", swap('dinner', yesterday)],
  // Typos
  ['swop dinner', swap('dinner')],
  ['swap diner', swap('dinner')],
  ['swop diner', swap('dinner')],
  ['swap luch', swap('lunch')],
  ['swap brekfast', swap('breakfast')],
  ['swap lunch on fridy', swap('lunch', weekday(5))],
  ['swap tuesdy lunch', swap('lunch', weekday(2))],
  ['swpa dinner', swap('dinner')],
  // Spanish
  ['cambia la cena', swap('dinner')],
  ['cambiar el almuerzo del martes', swap('lunch', weekday(2))],
  ['otro desayuno mañana', swap('breakfast', tomorrow)],
  ['cambia la cena de esta noche', swap('dinner')],
  ['cámbiame la comida del miércoles', swap('lunch', weekday(3))],
  ['otra merienda el sábado', swap('snack', weekday(6))],
  ['canbia la cena', swap('dinner')],
  ['cambia la sena', swap('dinner')],
  ['cambia la cena de ayer', swap('dinner', yesterday)],
  ['cambia la cena por favor', swap('dinner')],
];

const EXCLUSIONS: [string, PlanEditParse][] = [
  ['no fish this week', { kind: 'exclude_food', food: 'fish', dislikes: ['fish'] }],
  [
    'no pork this week',
    { kind: 'exclude_food', food: 'pork', dislikes: ['pork', 'ham', 'bacon', 'chorizo', 'kielbasa'] },
  ],
  ['no chicken this week please', { kind: 'exclude_food', food: 'chicken', dislikes: ['chicken'] }],
  ['No more fish this week.', { kind: 'exclude_food', food: 'fish', dislikes: ['fish'] }],
  ['skip seafood for the rest of the week', { kind: 'exclude_food', food: 'seafood', dislikes: ['seafood'] }],
  ['sin pescado esta semana', { kind: 'exclude_food', food: 'pescado', dislikes: ['fish'] }],
  [
    'sin cerdo esta semana por favor',
    { kind: 'exclude_food', food: 'cerdo', dislikes: ['pork', 'ham', 'bacon', 'chorizo', 'kielbasa'] },
  ],
  ['no mushrooms this week', { kind: 'exclude_food', food: 'mushrooms', dislikes: ['mushrooms'] }],
  ['no unicorn this week', { kind: 'exclude_food', food: 'unicorn', dislikes: [] }],
];

const HAVES: [string, PlanEditParse][] = [
  ['have rice', { kind: 'have_items', items: ['rice'] }],
  ['I have rice', { kind: 'have_items', items: ['rice'] }],
  ['already have eggs and milk', { kind: 'have_items', items: ['eggs', 'milk'] }],
  ['I already have eggs, milk & rice', { kind: 'have_items', items: ['eggs', 'milk', 'rice'] }],
  ['got olive oil', { kind: 'have_items', items: ['olive oil'] }],
  ["I've got some olive oil already", { kind: 'have_items', items: ['olive oil'] }],
  ['have rice at home', { kind: 'have_items', items: ['rice'] }],
  ['tengo arroz', { kind: 'have_items', items: ['arroz'] }],
  ['ya tengo huevos y leche', { kind: 'have_items', items: ['huevos', 'leche'] }],
  ['have unicorn dust', { kind: 'have_items', items: ['unicorn dust'] }],
];

/** Messages that belong to other intents (or to none): never a plan edit. */
const NOT_EDITS = [
  'had rice',
  'I had 2 eggs and a slice of toast',
  'comí arroz',
  'I have 2 kids now',
  'I have a peanut allergy',
  'I have diabetes',
  'I have type 2 diabetes',
  'I have a question',
  'got it',
  'have a nice day',
  'tengo 3 hijos',
  'tengo diabetes',
  'dinner',
  "what's for dinner?",
  'lunch on friday',
  'today',
  'list',
  'plan',
  'new plan',
  'change my budget to $70',
  'change dinner time to 7pm',
  'no fish',
  'I am allergic to fish',
  'swap dinner; DROP TABLE plans; --',
  'swap lunch on day 99',
  'swap dinner and lunch',
  'change',
  'cambia mi presupuesto',
  // Not foods: fasting is for the safety layer, skipping a meal is not a plan edit.
  'no food this week',
  'no eating this week',
  'no meals this week',
  'nothing this week',
  'sin comida esta semana',
  'no breakfast this week',
];

describe('parsePlanEdit', () => {
  it.each(SWAPS)('%j is a swap', (text, expected) => {
    expect(parsePlanEdit(text)).toEqual(expected);
  });
  it.each(EXCLUSIONS)('%j keeps a food out for the week', (text, expected) => {
    expect(parsePlanEdit(text)).toEqual(expected);
  });
  it.each(HAVES)('%j marks groceries at home', (text, expected) => {
    expect(parsePlanEdit(text)).toEqual(expected);
  });
  it.each(NOT_EDITS)('%j is not a plan edit', (text) => {
    expect(parsePlanEdit(text)).toBeUndefined();
  });
  it.each(['swap', 'Swap?', 'swop', 'cambia', 'cambiar'])('%j alone asks which meal', (text) => {
    expect(parsePlanEdit(text)).toEqual({ kind: 'swap_which' });
  });

  it('never throws on hostile input, and reads nothing from very long messages', () => {
    const hostile = [
      'x'.repeat(5000),
      `swap ${'dinner '.repeat(800)}`,
      `no ${'fish'.repeat(1250)} this week`,
      `have ${'rice, '.repeat(1000)}`,
      'ñ'.repeat(5000),
      '🍕'.repeat(2500),
      '',
      '   ',
      '\u0000\u0001\u200b',
      'have 🍚',
      'no 🐟 this week',
      ',,,,',
      'have , , and ,',
      "'s's's",
    ];
    for (const text of hostile) expect(() => parsePlanEdit(text), text.slice(0, 30)).not.toThrow();
    expect(parsePlanEdit(`swap ${'dinner '.repeat(800)}`)).toBeUndefined();
    expect(parsePlanEdit(`have ${'rice, '.repeat(1000)}`)).toBeUndefined();
    expect(parsePlanEdit('have 🍚')).toBeUndefined();
    expect(parsePlanEdit('have , , and ,')).toBeUndefined();
  });

  it('reads through emoji around the words', () => {
    expect(parsePlanEdit('🍕🍕🍕 swap 🍕 dinner 🍕')).toEqual(swap('dinner'));
  });
});

describe('plan days', () => {
  // A plan made on Thursday 2026-11-26: days 0..6 are Thursday..Wednesday.
  const weekStart = '2026-11-26';
  const thursdayNoon = new Date('2026-11-26T12:00:00Z');

  it('reads day words in English and Spanish, with a typo in full weekday names only', () => {
    expect(dayRefFromWord('tonight')).toEqual(today);
    expect(dayRefFromWord('manana')).toEqual(tomorrow);
    expect(dayRefFromWord('miercoles')).toEqual(weekday(3));
    expect(dayRefFromWord('thursdya')).toEqual(weekday(4));
    expect(dayRefFromWord('sun')).toEqual(weekday(0));
    expect(dayRefFromWord('sum')).toBeUndefined();
    expect(dayRefFromWord('dinner')).toBeUndefined();
  });

  it('maps today, tomorrow and weekdays to plan days, and says when a day is outside the plan', () => {
    expect(planDayIndex(weekStart, thursdayNoon, today, 7)).toBe(0);
    expect(planDayIndex(weekStart, thursdayNoon, tomorrow, 7)).toBe(1);
    expect(planDayIndex(weekStart, thursdayNoon, yesterday, 7)).toBeUndefined();
    expect(planDayIndex(weekStart, thursdayNoon, weekday(4), 7)).toBe(0);
    expect(planDayIndex(weekStart, thursdayNoon, weekday(5), 7)).toBe(1);
    expect(planDayIndex(weekStart, thursdayNoon, weekday(2), 7)).toBe(5);
    expect(planDayIndex(weekStart, thursdayNoon, weekday(3), 7)).toBe(6);
    // On the plan's last day, tomorrow and a weekday already gone are outside it.
    const lastDay = new Date('2026-12-02T20:00:00Z');
    expect(planDayIndex(weekStart, lastDay, today, 7)).toBe(6);
    expect(planDayIndex(weekStart, lastDay, tomorrow, 7)).toBeUndefined();
    expect(planDayIndex(weekStart, lastDay, weekday(5), 7)).toBeUndefined();
    expect(planDayIndex(weekStart, new Date('2026-12-20T00:00:00Z'), today, 7)).toBeUndefined();
    expect(planDayWeekday(weekStart, 0)).toBe(4);
    expect(planDayWeekday(weekStart, 5)).toBe(2);
  });

  it('tells typos from other words', () => {
    expect(withinOneEdit('swop', 'swap')).toBe(true);
    expect(withinOneEdit('diner', 'dinner')).toBe(true);
    expect(withinOneEdit('swpa', 'swap')).toBe(true);
    expect(withinOneEdit('dinr', 'dinner')).toBe(false);
    expect(withinOneEdit('lunch', 'bunch!')).toBe(false);
  });
});
