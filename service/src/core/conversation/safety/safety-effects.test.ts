import { describe, expect, it } from 'vitest';
import { classifySafety } from './classify-safety.ts';
import { SAFETY_EFFECTS, safetyEffectsOf } from './safety-effects.ts';

describe('SAFETY_EFFECTS', () => {
  it('eating-disorder and crisis signals stop deficits, numbers and nudges', () => {
    for (const category of ['eating_disorder', 'self_harm_crisis'] as const)
      expect(SAFETY_EFFECTS[category]).toMatchObject({ noDeficit: true, noNumbers: true, stopNudges: true });
  });

  it('only under-13 refuses onboarding; teens, pregnancy and medical get no deficit', () => {
    const refusing = Object.entries(SAFETY_EFFECTS).filter(([, effects]) => effects.refuseOnboarding);
    expect(refusing.map(([category]) => category)).toEqual(['minor_under_13']);
    for (const category of ['minor_teen_deficit', 'pregnancy', 'medical'] as const)
      expect(SAFETY_EFFECTS[category].noDeficit).toBe(true);
  });

  it('ordinary messages change nothing', () => {
    expect(SAFETY_EFFECTS.none).toEqual({
      noDeficit: false,
      noNumbers: false,
      stopNudges: false,
      refuseOnboarding: false,
    });
  });
});

describe('safetyEffectsOf', () => {
  it('merges every category a message touched: an 11-year-old with an ED signal is still not onboarded', () => {
    const result = classifySafety("I'm 11 and I make myself throw up after meals");
    expect(result.category).toBe('eating_disorder');
    expect(safetyEffectsOf(result)).toEqual({
      noDeficit: true,
      noNumbers: true,
      stopNudges: true,
      refuseOnboarding: true,
    });
  });

  it('eating-disorder treatment is answered as medical but gets no numbers or nudges', () => {
    const result = classifySafety("I'm in recovery from bulimia, what's a good lunch?");
    expect(result.category).toBe('medical');
    expect(safetyEffectsOf(result)).toMatchObject({ noDeficit: true, noNumbers: true, stopNudges: true });
  });
});
