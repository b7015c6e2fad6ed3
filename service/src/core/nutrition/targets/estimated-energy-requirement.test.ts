import { describe, expect, it } from 'vitest';
import { estimatedEnergyRequirement, PA_CATEGORY_FOR_ACTIVITY } from './estimated-energy-requirement.ts';

describe('estimatedEnergyRequirement (IOM 2005)', () => {
  it('girl, 7 y, 122 cm, 23 kg, moderate → low active (PA 1.16), 3–8 y form', () => {
    // 135.3 − 30.8·7 + 1.16·(10.0·23 + 934·1.22) + 20
    // = 135.3 − 215.6 + 1.16·(230 + 1139.48) + 20 = −80.3 + 1.16·1369.48 + 20
    // = −80.3 + 1588.5968 + 20 = 1528.2968
    const eer = estimatedEnergyRequirement({
      sex: 'female',
      age: 7,
      heightCm: 122,
      weightKg: 23,
      activity: 'moderate',
    });
    expect(eer.kcal).toBeCloseTo(1528.2968, 6);
    expect(eer).toMatchObject({ paCategory: 'low_active', paCoefficient: 1.16, energyDepositionKcal: 20 });
  });

  it('boy, 15 y, 170 cm, 60 kg, active → active (PA 1.26), 9–18 y form', () => {
    // 88.5 − 61.9·15 + 1.26·(26.7·60 + 903·1.70) + 25
    // = 88.5 − 928.5 + 1.26·(1602 + 1535.1) + 25 = −840 + 1.26·3137.1 + 25
    // = −840 + 3952.746 + 25 = 3137.746
    const eer = estimatedEnergyRequirement({
      sex: 'male',
      age: 15,
      heightCm: 170,
      weightKg: 60,
      activity: 'active',
    });
    expect(eer.kcal).toBeCloseTo(3137.746, 6);
    expect(eer).toMatchObject({ paCategory: 'active', paCoefficient: 1.26, energyDepositionKcal: 25 });
  });

  it('boy, 5 y, 110 cm, 19 kg, very active (PA 1.42)', () => {
    // 88.5 − 309.5 + 1.42·(507.3 + 993.3) + 20 = −221 + 1.42·1500.6 + 20 = −221 + 2130.852 + 20 = 1929.852
    const eer = estimatedEnergyRequirement({
      sex: 'male',
      age: 5,
      heightCm: 110,
      weightKg: 19,
      activity: 'very_active',
    });
    expect(eer.kcal).toBeCloseTo(1929.852, 6);
    expect(eer.paCoefficient).toBe(1.42);
  });

  it('girl, 12 y, 150 cm, 40 kg, light → sedentary (PA 1.00)', () => {
    // 135.3 − 369.6 + 1.00·(400 + 1401) + 25 = 1591.7
    const eer = estimatedEnergyRequirement({
      sex: 'female',
      age: 12,
      heightCm: 150,
      weightKg: 40,
      activity: 'light',
    });
    expect(eer.kcal).toBeCloseTo(1591.7, 6);
    expect(eer.paCategory).toBe('sedentary');
  });

  it('uses the girls’ very active coefficient 1.56', () => {
    const body = { sex: 'female', age: 10, heightCm: 140, weightKg: 33 } as const;
    expect(estimatedEnergyRequirement({ ...body, activity: 'very_active' }).paCoefficient).toBe(1.56);
    expect(estimatedEnergyRequirement({ ...body, activity: 'active' }).paCoefficient).toBe(1.31);
  });

  it('switches the energy-deposition term from 20 to 25 kcal between 8 and 9 y', () => {
    const body = { sex: 'female', heightCm: 130, weightKg: 27, activity: 'sedentary' } as const;
    const at8 = estimatedEnergyRequirement({ ...body, age: 8 }).kcal;
    const at9 = estimatedEnergyRequirement({ ...body, age: 9 }).kcal;
    // one more year costs 30.8 kcal, the larger growth term adds 5
    expect(at9 - at8).toBeCloseTo(-30.8 + 5, 9);
  });

  it('maps five activity levels onto the four IOM categories by PAL band', () => {
    expect(PA_CATEGORY_FOR_ACTIVITY).toEqual({
      sedentary: 'sedentary',
      light: 'sedentary',
      moderate: 'low_active',
      active: 'active',
      very_active: 'very_active',
    });
  });

  it('refuses ages the equations do not cover (a programming fault, not a user outcome)', () => {
    const body = { sex: 'male', heightCm: 150, weightKg: 40, activity: 'moderate' } as const;
    expect(() => estimatedEnergyRequirement({ ...body, age: 2 })).toThrow(RangeError);
    expect(() => estimatedEnergyRequirement({ ...body, age: 19 })).toThrow(RangeError);
  });
});
