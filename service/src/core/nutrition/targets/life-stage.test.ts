import { describe, expect, it } from 'vitest';
import { lifeStageOf } from './life-stage.ts';

describe('lifeStageOf', () => {
  it('uses the DRI life-stage groups, with age 3 still a toddler (1–3 y runs to the 4th birthday)', () => {
    expect([1, 3, 4, 8, 9, 13, 14, 18, 19, 90].map(lifeStageOf)).toEqual([
      '1-3',
      '1-3',
      '4-8',
      '4-8',
      '9-13',
      '9-13',
      '14-18',
      '14-18',
      '19+',
      '19+',
    ]);
  });
});
