import { describe, expect, it } from 'vitest';
import { ACTIVITY_FACTORS, mifflinStJeor } from './mifflin-st-jeor.ts';

describe('mifflinStJeor', () => {
  it('woman, 34 y, 165 cm, 70 kg', () => {
    // 10·70 + 6.25·165 − 5·34 − 161 = 700 + 1031.25 − 170 − 161 = 1400.25
    expect(mifflinStJeor({ sex: 'female', age: 34, heightCm: 165, weightKg: 70 })).toBe(1400.25);
  });

  it('man, 40 y, 180 cm, 80 kg', () => {
    // 10·80 + 6.25·180 − 5·40 + 5 = 800 + 1125 − 200 + 5 = 1730
    expect(mifflinStJeor({ sex: 'male', age: 40, heightCm: 180, weightKg: 80 })).toBe(1730);
  });

  it('differs between sexes by exactly 166 kcal (+5 vs −161)', () => {
    const body = { age: 50, heightCm: 170, weightKg: 75 };
    expect(mifflinStJeor({ ...body, sex: 'male' }) - mifflinStJeor({ ...body, sex: 'female' })).toBe(166);
  });
});

describe('ACTIVITY_FACTORS', () => {
  it('matches the reference table', () => {
    expect(ACTIVITY_FACTORS).toEqual({
      sedentary: 1.2,
      light: 1.375,
      moderate: 1.55,
      active: 1.725,
      very_active: 1.9,
    });
  });
});
