import { describe, expect, it } from 'vitest';
import { isFoodLog } from './food-log-intent.ts';

describe('isFoodLog', () => {
  it.each([
    'had 2 eggs and toast',
    'I had a banana',
    'just ate a sandwich',
    'I ate 200g chicken',
    'for lunch I had rice and beans',
    'at dinner, ate salmon',
    'log 1 cup of rice',
    'comí un plátano',
    'Me comi dos huevos',
    'desayuné avena',
    'cené pollo',
    'drank a glass of milk',
    'bebí un vaso de leche',
    "I've had 2 eggs",
    'breakfast: 2 eggs and toast',
    'lunch was a can of tuna',
  ])('%j is a food log', (text) => {
    expect(isFoodLog(text)).toBe(true);
  });

  it.each([
    'plan',
    'today',
    'what should I eat?',
    'I hate fish',
    'haddock recipes?',
    'comida',
    'habits',
    'shopping list',
    'lunch on friday',
    "what's for dinner",
    'dinner',
  ])('%j is not a food log', (text) => {
    expect(isFoodLog(text)).toBe(false);
  });
});
