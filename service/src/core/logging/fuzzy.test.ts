import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from '../nutrition/food-database.ts';
import { allowedEdits, closestWord, editDistance } from './fuzzy.ts';
import { lexiconFor } from './lexicon.ts';

const vocabulary = lexiconFor(loadFoodDatabase()).vocabulary;

describe('editDistance', () => {
  it.each([
    ['banana', 'banana', 0],
    ['bananna', 'banana', 1],
    ['chiken', 'chicken', 1],
    ['chikcen', 'chicken', 1], // one transposition
    ['kitten', 'sitting', 3],
    ['', 'egg', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the maximum', () => {
    expect(editDistance('banana', 'strawberry', 2)).toBe(3);
  });
});

describe('closestWord over the food vocabulary', () => {
  it.each([
    ['bananna', 'banana'],
    ['chiken', 'chicken'],
    ['avacado', 'avocado'],
    ['salmom', 'salmon'],
    ['spinich', 'spinach'],
    ['brocolli', 'brocoli'], // a synonym of broccoli, one edit away (broccoli is two)
    ['straberries', 'strawberries'],
  ])('%s → %s', (typo, word) => {
    expect(closestWord(typo, vocabulary)).toBe(word);
  });

  it('leaves short words and far-off words alone', () => {
    expect(allowedEdits(4)).toBe(0);
    expect(closestWord('coke', vocabulary)).toBeUndefined();
    expect(closestWord('hello', vocabulary)).toBeUndefined();
    expect(closestWord('asdfghjkl', vocabulary)).toBeUndefined();
  });
});
