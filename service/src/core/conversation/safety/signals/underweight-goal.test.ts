import { describe, expect, it } from 'vitest';
import { classifySafety } from '../classify-safety.ts';

describe('feeling fat while wanting a body weight underweight for any adult', () => {
  it.each([
    'I want to get under 90 pounds, I still feel fat',
    'my goal weight is 85 lbs because I look fat',
    'quiero pesar 38 kilos, me siento gorda',
  ])('%j is an eating-disorder signal', (text) => {
    expect(classifySafety(text).signals).toContain('eating_disorder:fat-while-thin');
  });

  it.each([
    'I want to get to 90 pounds',
    'I want to lose 90 pounds, I feel fat',
    'my goal weight is 140 lbs, I feel fat',
    'quiero pesar 60 kilos, me siento gorda',
  ])('%j is not', (text) => {
    expect(classifySafety(text).signals).not.toContain('eating_disorder:fat-while-thin');
  });
});
