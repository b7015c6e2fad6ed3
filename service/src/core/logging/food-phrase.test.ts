import { describe, expect, it } from 'vitest';
import { normalize } from '../conversation/parse/normalize.ts';
import { looksLikeFoodLog, splitFoodPhrases } from './food-phrase.ts';
import { prepareNumbers } from './quantities.ts';

const split = (text: string, protectedPhrases: string[] = []) =>
  splitFoodPhrases(prepareNumbers(normalize(text)), protectedPhrases);

describe('splitFoodPhrases', () => {
  it('splits on commas, and, with, plus, y, con, and drops filler', () => {
    expect(split('I had 2 eggs, a slice of toast with butter for breakfast')).toEqual([
      { text: '2 eggs', accompaniment: false },
      { text: 'a slice of toast', accompaniment: false },
      { text: 'butter', accompaniment: true },
    ]);
    expect(split('comí dos huevos y una tostada con mantequilla').map((p) => p.text)).toEqual([
      '2 huevos',
      'una tostada',
      'mantequilla',
    ]);
    expect(split('2 eggs + 1 toast plus coffee').map((p) => p.text)).toEqual(['2 eggs', '1 toast', 'coffee']);
  });

  it('keeps an amount with "and a half" whole and names that hold a list word', () => {
    expect(split('1 and a half cups of rice').map((p) => p.text)).toEqual(['1.5 cups of rice']);
    expect(split('coffee with half and half', ['half and half']).map((p) => p.text)).toEqual([
      'coffee',
      'half_and_half',
    ]);
  });

  it('drops negated phrases', () => {
    expect(split('coffee, no sugar').map((p) => p.text)).toEqual(['coffee']);
    expect(split('cafe sin azucar').map((p) => p.text)).toEqual(['cafe']);
    expect(split("I didn't have any bread today")).toEqual([]);
  });
});

describe('looksLikeFoodLog', () => {
  it.each([
    ['had 2 eggs', true],
    ['comi arroz', true],
    ['what should i eat?', false],
    ['how many calories in a banana', false],
    ['i hate broccoli', false],
    ['i bought 2 kg of rice', false],
    ['quiero pizza', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeFoodLog(normalize(text))).toBe(expected);
  });
});
