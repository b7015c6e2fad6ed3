import { describe, expect, it } from 'vitest';
import { normalize, wordsToNumbers } from './normalize.ts';

describe('normalize', () => {
  it.each([
    ['Más  SANO', 'mas sano'],
    ['I’m “fine”', `i'm "fine"`],
    ['¿Cuántos?', 'cuantos?'],
    ['thirty-four', '34'],
    ['thirty four', '34'],
    ['treinta y cuatro años', '34 anos'],
    ['veinticinco', '25'],
    ['a hundred bucks', '100 bucks'],
    ['one hundred and fifty', '150'],
    ['two thousand', '2000'],
    ['dos mil', '2000'],
    ['cien dólares', '100 dolares'],
    ['a couple of kids', '2 kids'],
    ['two three', '2 3'],
    ['two and three', '2 and 3'],
    ['exercise once a week', 'exercise once a week'],
    ['no one else', 'no 1 else'],
    ['someone', 'someone'],
    ['mi esposa y yo', 'mi esposa y yo'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('is total: non-strings become the empty string', () => {
    expect(normalize(undefined)).toBe('');
    expect(normalize(42)).toBe('');
  });

  it('leaves digits alone', () => {
    expect(wordsToNumbers('$80 a week')).toBe('$80 a week');
  });
});
