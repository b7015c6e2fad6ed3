import { describe, expect, it } from 'vitest';
import { bmi } from './bmi.ts';

describe('bmi', () => {
  it('divides weight by height in metres squared', () => {
    // 70 / 1.65² = 70 / 2.7225 = 25.712…
    expect(bmi(70, 165)).toBeCloseTo(25.712, 3);
    // 48 / 2.7225 = 17.630…
    expect(bmi(48, 165)).toBeCloseTo(17.631, 3);
  });
});
